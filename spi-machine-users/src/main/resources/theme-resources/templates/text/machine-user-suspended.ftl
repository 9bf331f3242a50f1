<#ftl output_format="plainText">
${msg("machineUserSuspendedIntro", machineUser.name, realmName)}

${msg("machineUserLabelClientId")}: ${machineUser.clientId}
<#if reason?has_content>
${msg("machineUserLabelReason")}: ${reason}
</#if>
${msg("machineUserLabelSuspendedAt")}: ${suspendedAt}
${msg("machineUserLabelBy")}: ${suspendedBy}
