<#ftl output_format="plainText">
${msg("machineUserKeyReplacedIntro", machineUser.name, realmName)}

${msg("machineUserLabelClientId")}: ${machineUser.clientId}
${msg("machineUserLabelOldKeyId")}: ${oldKeyId}
${msg("machineUserLabelNewKeyId")}: ${newKeyId}
${msg("machineUserLabelExpiresAt")}: <#if newExpiresAt?has_content>${newExpiresAt}<#else>${msg("machineUserLabelNoExpiry")}</#if>
${msg("machineUserLabelBy")}: ${replacedBy}
