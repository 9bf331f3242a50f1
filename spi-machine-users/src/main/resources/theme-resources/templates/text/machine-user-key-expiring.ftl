<#ftl output_format="plainText">
${msg(introKey!"machineUserKeyExpiringIntro", machineUser.name, realmName, daysLeft)}

${msg("machineUserLabelClientId")}: ${machineUser.clientId}
${msg("machineUserLabelKeyId")}: ${keyId}
<#if keyDescription?has_content>
${msg("machineUserLabelKeyDescription")}: ${keyDescription}
</#if>
${msg("machineUserLabelExpiresAt")}: ${expiresAt}

${msg(adviceKey!"machineUserKeyExpiringAdvice")}
