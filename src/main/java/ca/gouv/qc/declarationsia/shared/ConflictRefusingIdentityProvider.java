package ca.gouv.qc.declarationsia.shared;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.db.HasDbRevision;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TenantEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's identity store, refusing a repeated write before it reaches the database (there, the duplicate key
 * was a 500 of the engine REST API and an ERROR with its stack trace: issue 27, item 4), and a membership of a user,
 * group or tenant that does not exist before the engine's own check (a 500 too). Each check comes after the
 * engine's own authorization check for the write, so it tells nothing to whom may not make it. Part of the engine's
 * adapter with {@link EngineInternals} (it extends the engine's internal identity store; {@link
 * EngineInternals.Settings#refuseRepeatedIdentityWrites()} installs it).
 */
public class ConflictRefusingIdentityProvider extends DbIdentityServiceProvider {

    @Override
    public IdentityOperationResult saveUser(User user) {
        if (isNew(user)) {
            checkAuthorization(Permissions.CREATE, Resources.USER, null);
            if (getDbEntityManager().selectById(UserEntity.class, user.getId()) != null) {
                throw IdentityRefusal.conflict("error.engine.conflict.user", user.getId());
            }
        }
        return super.saveUser(user);
    }

    @Override
    public IdentityOperationResult saveGroup(Group group) {
        if (isNew(group)) {
            checkAuthorization(Permissions.CREATE, Resources.GROUP, null);
            if (getDbEntityManager().selectById(GroupEntity.class, group.getId()) != null) {
                throw IdentityRefusal.conflict("error.engine.conflict.group", group.getId());
            }
        }
        return super.saveGroup(group);
    }

    @Override
    public IdentityOperationResult saveTenant(Tenant tenant) {
        if (isNew(tenant)) {
            checkAuthorization(Permissions.CREATE, Resources.TENANT, null);
            if (getDbEntityManager().selectById(TenantEntity.class, tenant.getId()) != null) {
                throw IdentityRefusal.conflict("error.engine.conflict.tenant", tenant.getId());
            }
        }
        return super.saveTenant(tenant);
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
        checkAuthorization(Permissions.CREATE, Resources.GROUP_MEMBERSHIP, groupId);
        requireUser(userId);
        requireGroup(groupId);
        if (count(() -> createUserQuery(getCommandContext()).userId(userId).memberOfGroup(groupId).count()) > 0) {
            throw IdentityRefusal.conflict("error.engine.conflict.membership", userId, groupId);
        }
        return super.createMembership(userId, groupId);
    }

    @Override
    public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
        checkAuthorization(Permissions.CREATE, Resources.TENANT_MEMBERSHIP, tenantId);
        requireTenant(tenantId);
        requireUser(userId);
        if (count(() -> createTenantQuery(getCommandContext()).tenantId(tenantId).userMember(userId).count()) > 0) {
            throw IdentityRefusal.conflict("error.engine.conflict.tenantMembership", userId, tenantId);
        }
        return super.createTenantUserMembership(tenantId, userId);
    }

    @Override
    public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
        checkAuthorization(Permissions.CREATE, Resources.TENANT_MEMBERSHIP, tenantId);
        requireTenant(tenantId);
        requireGroup(groupId);
        if (count(() -> createTenantQuery(getCommandContext()).tenantId(tenantId).groupMember(groupId).count()) > 0) {
            throw IdentityRefusal.conflict("error.engine.conflict.tenantMembership", groupId, tenantId);
        }
        return super.createTenantGroupMembership(tenantId, groupId);
    }

    /** A membership of no one is the caller's mistake, said as such (the engine's check is a 500). */
    private void requireUser(String userId) {
        if (userId == null || getDbEntityManager().selectById(UserEntity.class, userId) == null) {
            throw IdentityRefusal.notFound("error.engine.noUser", userId);
        }
    }

    private void requireGroup(String groupId) {
        if (groupId == null || getDbEntityManager().selectById(GroupEntity.class, groupId) == null) {
            throw IdentityRefusal.notFound("error.engine.noGroup", groupId);
        }
    }

    private void requireTenant(String tenantId) {
        if (tenantId == null || getDbEntityManager().selectById(TenantEntity.class, tenantId) == null) {
            throw IdentityRefusal.notFound("error.engine.noTenant", tenantId);
        }
    }

    /** A new entity has no revision yet; a saved one is an update. */
    private static boolean isNew(Object entity) {
        return entity instanceof HasDbRevision revisioned && revisioned.getRevision() == 0;
    }

    /** Whether it exists, whoever asks: the check says nothing the authorization above did not allow. */
    private long count(java.util.concurrent.Callable<Long> query) {
        return getCommandContext().runWithoutAuthorization(query);
    }
}
