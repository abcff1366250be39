import { expect, test } from 'vitest';
import { grantableRoles, permissions, rolePermissions, roles, roleScopeLevels } from './permissions.ts';

test('every role has a permission list drawn only from the declared permissions, and a scope level', () => {
  for (const role of roles) {
    for (const permission of rolePermissions[role]) expect(permissions).toContain(permission);
    expect(roleScopeLevels[role].length).toBeGreaterThan(0);
  }
});

test('only administrators grant roles, and a province admin cannot create a system admin', () => {
  expect(grantableRoles.province_admin).not.toContain('system_admin');
  for (const role of roles.filter((r) => r !== 'system_admin' && r !== 'province_admin')) {
    expect(grantableRoles[role]).toEqual([]);
  }
});
