package io.github.machineusers.admin;

import io.github.machineusers.model.Actor;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

final class AdminActors {

    private AdminActors() {
    }

    static Actor of(AdminPermissionEvaluator auth) {
        UserModel user = auth.adminAuth().getUser();
        return new Actor(user.getId(), user.getUsername());
    }
}
