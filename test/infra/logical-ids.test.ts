import { beforeAll, describe, expect, it } from 'vitest';
import { STATEFUL_TYPES, synthStage, type Synthesized } from './support/synth';

/**
 * Every stateful resource of `CareBow-prod` as `<type> <logical id>`, sorted. Written out on
 * purpose: CloudFormation identifies a resource by its logical id, which CDK derives from the
 * construct path. Renaming a construct id (or moving it to another parent) changes the logical id,
 * and the next deploy REPLACES the resource: a new empty table, key, queue, log group or secret
 * is created and the old one deleted (or, where retained, orphaned outside the stack). For a table
 * that is the PHI or the audit chain; for a KMS key it is every sealed field and data key wrapped
 * with it; for a log group, audit evidence kept for six years; for a queue, the messages waiting in
 * it (notification events, reminders EventBridge Scheduler could not deliver); for the reminders'
 * schedule group, every pending appointment reminder (a group's schedules go with it).
 */
const PINNED = [
  'AWS::Backup::BackupVault DataBackupVault14A09D93',
  'AWS::DynamoDB::GlobalTable DataAuditTableD7A94F1A',
  'AWS::DynamoDB::GlobalTable DataContentTableA5F17BFC',
  'AWS::DynamoDB::GlobalTable DataIdentityTable38C6774E',
  'AWS::DynamoDB::GlobalTable DataKeysTableA6DADBFC',
  'AWS::DynamoDB::GlobalTable DataRecordsTableF0A4A2F6',
  'AWS::DynamoDB::GlobalTable DataSessionsTable3E401EE2',
  'AWS::KMS::Key AuditAnchorSigningKey28209ED2',
  'AWS::KMS::Key DataDataKeyWrappingKey1680D13A',
  'AWS::KMS::Key DataKey5F086070',
  'AWS::KMS::Key DataTokenSigningKeyCD852BD9',
  'AWS::Logs::LogGroup ApiAccessLogLogs4630ED3D',
  'AWS::Logs::LogGroup ApiAccessLogs50B185DB',
  'AWS::Logs::LogGroup ApiAdminRolesLogs5076D2C4',
  'AWS::Logs::LogGroup ApiAnalyzeSymptomsLogsF9E51190',
  'AWS::Logs::LogGroup ApiAppointmentBookLogs988A9A75',
  'AWS::Logs::LogGroup ApiAppointmentCancelLogs8E59AC99',
  'AWS::Logs::LogGroup ApiAppointmentGetLogs9E5EB17E',
  'AWS::Logs::LogGroup ApiAppointmentListLogs9DEB7C31',
  'AWS::Logs::LogGroup ApiAppointmentRescheduleLogsC83F26D4',
  'AWS::Logs::LogGroup ApiAppointmentReviewLogs1F115A56',
  'AWS::Logs::LogGroup ApiAppointmentStatusLogs087CE2E4',
  'AWS::Logs::LogGroup ApiAuditEventsLogs8C16C4C1',
  'AWS::Logs::LogGroup ApiAuditVerifyLogsEFBCBB65',
  'AWS::Logs::LogGroup ApiAuthorizerLogsC726F6FF',
  'AWS::Logs::LogGroup ApiAvailabilityGetOwnLogsE3162E8A',
  'AWS::Logs::LogGroup ApiAvailabilityPutLogs05E8CA26',
  'AWS::Logs::LogGroup ApiBreakGlassLogsE63D6638',
  'AWS::Logs::LogGroup ApiCareOptionsLogs1E3F1D61',
  'AWS::Logs::LogGroup ApiCaregiverMatchLogs32360472',
  'AWS::Logs::LogGroup ApiCategoryCreateLogsF5D8A78A',
  'AWS::Logs::LogGroup ApiChatGetLogsC169D8CE',
  'AWS::Logs::LogGroup ApiChatListLogsB02BD775',
  'AWS::Logs::LogGroup ApiChatLogsF2F258FE',
  'AWS::Logs::LogGroup ApiChatStreamLogsD5ED3F3B',
  'AWS::Logs::LogGroup ApiConsentCreateLogs2D76EA59',
  'AWS::Logs::LogGroup ApiConsentListLogsD2C16725',
  'AWS::Logs::LogGroup ApiConsentRevokeLogs3F7C3BE6',
  'AWS::Logs::LogGroup ApiConsultationLogs1703A096',
  'AWS::Logs::LogGroup ApiContactGetLogsA08D6029',
  'AWS::Logs::LogGroup ApiContactPutLogs06271C09',
  'AWS::Logs::LogGroup ApiContactVerifyLogs71E27D5A',
  'AWS::Logs::LogGroup ApiContentStatsLogs66374E26',
  'AWS::Logs::LogGroup ApiDeleteMeLogs984C9780',
  'AWS::Logs::LogGroup ApiExecutionLogsB326CF6B',
  'AWS::Logs::LogGroup ApiExportMeLogsC5810718',
  'AWS::Logs::LogGroup ApiFeedbackLogs6C8D01FD',
  'AWS::Logs::LogGroup ApiFollowUpQuestionsLogsDDAA75E1',
  'AWS::Logs::LogGroup ApiHealthDetailedLogs597F19E1',
  'AWS::Logs::LogGroup ApiHealthLogsBA320D76',
  'AWS::Logs::LogGroup ApiJwksLogs42EC80DD',
  'AWS::Logs::LogGroup ApiLibraryCategoriesLogs7021368B',
  'AWS::Logs::LogGroup ApiLibraryPostLogs42B3BDFA',
  'AWS::Logs::LogGroup ApiLibraryPostViewLogsE9331EC1',
  'AWS::Logs::LogGroup ApiLibraryPostsLogs66613D68',
  'AWS::Logs::LogGroup ApiLoginLogs56DFA27B',
  'AWS::Logs::LogGroup ApiLoginMfaLogs6FF991CA',
  'AWS::Logs::LogGroup ApiLogoutLogsD43CE023',
  'AWS::Logs::LogGroup ApiMeLogs74C6097E',
  'AWS::Logs::LogGroup ApiMfaConfirmLogsEDEE7F0D',
  'AWS::Logs::LogGroup ApiMfaDisableLogs086DC0BD',
  'AWS::Logs::LogGroup ApiMfaEnrolLogsB88FF2BE',
  'AWS::Logs::LogGroup ApiNotificationListLogs5AEF2EBA',
  'AWS::Logs::LogGroup ApiNotificationPreferencesGetLogsCA0AE5B3',
  'AWS::Logs::LogGroup ApiNotificationPreferencesPutLogs668409D0',
  'AWS::Logs::LogGroup ApiOpenapiLogs2E8166E8',
  'AWS::Logs::LogGroup ApiOpenidConfigurationLogs1A0EDA48',
  'AWS::Logs::LogGroup ApiPasswordChangeLogs356440AB',
  'AWS::Logs::LogGroup ApiPatientProfileLogs6AF0E69F',
  'AWS::Logs::LogGroup ApiPatientSessionLogsA43CC82E',
  'AWS::Logs::LogGroup ApiPostArchiveLogs2E4CA6E4',
  'AWS::Logs::LogGroup ApiPostCreateLogs549C28F5',
  'AWS::Logs::LogGroup ApiPostManageGetLogsCDE57CA8',
  'AWS::Logs::LogGroup ApiPostManageListLogs91E18237',
  'AWS::Logs::LogGroup ApiPostPublishLogsFA14EE86',
  'AWS::Logs::LogGroup ApiPostReviewLogs456EE0D0',
  'AWS::Logs::LogGroup ApiPostRevisionsLogsD3FC788A',
  'AWS::Logs::LogGroup ApiPostUpdateLogs0849A056',
  'AWS::Logs::LogGroup ApiPractitionerGetLogs74FE0793',
  'AWS::Logs::LogGroup ApiPractitionerGetOwnLogsDF2BFFF8',
  'AWS::Logs::LogGroup ApiPractitionerPutLogs61991497',
  'AWS::Logs::LogGroup ApiPractitionerSearchLogs77D71540',
  'AWS::Logs::LogGroup ApiPractitionerSlotsLogsFDAC060E',
  'AWS::Logs::LogGroup ApiPractitionerVerifyLogs23A67BBE',
  'AWS::Logs::LogGroup ApiProfileGetLogs1281B4C5',
  'AWS::Logs::LogGroup ApiProfilePutLogs141522D0',
  'AWS::Logs::LogGroup ApiQuickAssessmentLogsC89C4A7A',
  'AWS::Logs::LogGroup ApiRefreshLogs0DDDDB06',
  'AWS::Logs::LogGroup ApiRegisterLogs55198806',
  'AWS::Logs::LogGroup ApiSessionAnswersLogs884B3721',
  'AWS::Logs::LogGroup ApiSessionCreateLogsCA44F9B2',
  'AWS::Logs::LogGroup ApiSessionGetLogsBC36B5E0',
  'AWS::Logs::LogGroup ApiSessionListLogs41F77EA5',
  'AWS::Logs::LogGroup ApiUrgencyLevelsLogs1BF90C48',
  'AWS::Logs::LogGroup AuditAnchorWorkerLogs69202F8E',
  'AWS::Logs::LogGroup ChatWorkerLogsBC291E87',
  'AWS::Logs::LogGroup ContentWorkerLogs605D8ECD',
  'AWS::Logs::LogGroup EdgeLogsA4EA23EB',
  'AWS::Logs::LogGroup NotificationsWorkerLogsDB1D87F2',
  'AWS::Logs::LogGroup TriageWorkerLogs7DFD3D01',
  'AWS::S3::Bucket AuditAnchorAccessLogsBucket629C1D44',
  'AWS::S3::Bucket AuditAnchorDigestBucket78D2EE82',
  'AWS::SQS::Queue ChatDeadLetterQueue768FE2DF',
  'AWS::SQS::Queue ChatQueue747F04FB',
  'AWS::SQS::Queue ContentDeadLetterQueueC1575176',
  'AWS::SQS::Queue ContentQueueC8E3FA40',
  'AWS::SQS::Queue NotificationsDeadLetterQueue32AE6445',
  'AWS::SQS::Queue NotificationsQueue91395D8F',
  'AWS::SQS::Queue NotificationsReminderDeadLetterQueueF6CD8EF6',
  'AWS::SQS::Queue TriageDeadLetterQueue66FA5CEE',
  'AWS::SQS::Queue TriageQueue25D901DA',
  'AWS::Scheduler::ScheduleGroup NotificationsReminderGroup8E08A377',
  'AWS::SecretsManager::Secret DataBlindIndexSecretB48FECC8',
  'AWS::SecretsManager::Secret TriageModelApiKeySecret28FF7259',
];

const WHY = [
  'A stateful resource’s CloudFormation logical id changed.',
  'A changed logical id makes the next deploy REPLACE the resource: a new, empty one is created and the old one',
  'is deleted (or orphaned, where retained), which destroys or strands PHI, the audit chain, data keys or audit logs.',
  'If a construct id was renamed or moved, restore it (or pin the old id with overrideLogicalId).',
  'Only for a resource that is genuinely new or deliberately retired, update PINNED in test/infra/logical-ids.test.ts.',
].join('\n');

describe('Stack: CareBow-prod logical ids', () => {
  let prod: Synthesized;

  beforeAll(() => {
    prod = synthStage('prod');
  });

  it('keeps the logical id of every table, key, queue, log group, secret, backup vault and schedule group', () => {
    // Act
    const actual = Object.entries(prod.parentJson.Resources)
      .filter(([, resource]) => (STATEFUL_TYPES as readonly string[]).includes(resource.Type))
      .map(([logicalId, resource]) => `${resource.Type} ${logicalId}`)
      .sort();

    // Assess
    const gone = PINNED.filter((id) => !actual.includes(id));
    const added = actual.filter((id) => !PINNED.includes(id));
    expect(actual, `${WHY}\nRenamed or removed (would be replaced or deleted): ${JSON.stringify(gone)}\nNew: ${JSON.stringify(added)}`).toEqual(PINNED);
  });

  it('lists the pinned ids sorted and once each, so a diff shows exactly what moved', () => {
    // Assess
    expect(PINNED).toEqual([...new Set(PINNED)].sort());
  });
});
