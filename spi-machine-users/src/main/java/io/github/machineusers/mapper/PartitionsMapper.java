package io.github.machineusers.mapper;

import java.util.List;
import java.util.TreeSet;

import io.github.machineusers.claims.MachineUserClaimMapper;
import io.github.machineusers.groups.MachineUserGroups;
import io.github.machineusers.model.MachineUser;
import io.github.machineusers.model.ProviderIds;
import io.github.machineusers.partitions.Partitions;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.IDToken;

/** Adds {@code partitions}: paths of the owner partition and of the partitions granted through groups. */
public class PartitionsMapper extends MachineUserClaimMapper {

    public static final String PROVIDER_ID = ProviderIds.PARTITIONS_MAPPER;
    public static final String CLAIM = "partitions";

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession keycloakSession, ClientSessionContext clientSessionCtx) {
        MachineUser machineUser = MachineUser.of(clientSessionCtx.getClientSession().getClient());
        if (machineUser == null || userSession == null) {
            return;
        }
        RealmModel realm = userSession.getRealm();
        Partitions partitions = new Partitions(keycloakSession, realm);
        TreeSet<String> paths = new TreeSet<>();
        GroupModel owner = partitions.byId(machineUser.partition());
        if (owner != null) {
            paths.add(Partitions.path(owner));
        }
        MachineUserGroups.groupsOf(userSession.getUser())
                .forEach(group -> MachineUserGroups.partitionPaths(keycloakSession, realm, partitions, group).forEach(paths::add));
        token.getOtherClaims().put(CLAIM, List.copyOf(paths));
    }

    @Override
    public String getDisplayType() {
        return "Machine user partitions";
    }

    @Override
    public String getHelpText() {
        return "Adds the paths of the machine user's owner partition and of the partitions its groups grant, as claim '" + CLAIM + "'.";
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
