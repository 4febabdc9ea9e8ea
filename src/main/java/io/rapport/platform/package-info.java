/**
 * Platform: what every capability stands on. Tenants, console users and roles, API keys,
 * the audit log, encryption of consumer data, money, ids and paging. Shared by all modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.rapport.platform;
