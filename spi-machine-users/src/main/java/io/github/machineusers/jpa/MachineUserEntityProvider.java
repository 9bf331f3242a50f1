package io.github.machineusers.jpa;

import java.util.List;

import io.github.machineusers.jpa.entity.AccessKeyEntity;
import io.github.machineusers.jpa.entity.FederatedCredentialEntity;
import io.github.machineusers.jpa.entity.GroupGrantEntity;
import io.github.machineusers.jpa.entity.HistoryEntity;
import io.github.machineusers.jpa.entity.MachineUserEntity;
import io.github.machineusers.jpa.entity.PartitionRightEntity;
import io.github.machineusers.jpa.entity.PublicKeyEntity;
import io.github.machineusers.jpa.entity.UsageEntity;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

public class MachineUserEntityProvider implements JpaEntityProvider {

    @Override
    public List<Class<?>> getEntities() {
        return List.of(MachineUserEntity.class, AccessKeyEntity.class, HistoryEntity.class, UsageEntity.class,
                PartitionRightEntity.class, GroupGrantEntity.class, PublicKeyEntity.class,
                FederatedCredentialEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/machine-users-changelog-master.xml";
    }

    @Override
    public String getFactoryId() {
        return MachineUserEntityProviderFactory.ID;
    }

    @Override
    public void close() {
    }
}
