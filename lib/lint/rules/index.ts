import type { Rule } from "../types";
import { addColumnRewrite } from "./add-column-rewrite";
import { addRequiredColumn } from "./add-required-column";
import { backfillInDdlTransaction } from "./backfill-in-ddl-transaction";
import { columnTypeRewrite } from "./column-type-rewrite";
import { concurrentlyInTransaction } from "./concurrently-in-transaction";
import { constraintWithoutNotValid } from "./constraint-without-not-valid";
import { downMigrationIncomplete } from "./down-migration-incomplete";
import { dropColumn } from "./drop-column";
import { dropSchema } from "./drop-schema";
import { dropTable } from "./drop-table";
import { enumValueChange } from "./enum-value-change";
import { missingDownMigration } from "./missing-down-migration";
import { missingLockTimeout } from "./missing-lock-timeout";
import { multipleAccessExclusiveLocks } from "./multiple-access-exclusive-locks";
import { partialApplyNotRerunnable } from "./partial-apply-not-rerunnable";
import { preferBigintPrimaryKey } from "./prefer-bigint-primary-key";
import { preferJsonb } from "./prefer-jsonb";
import { preferText } from "./prefer-text";
import { preferTimestamptz } from "./prefer-timestamptz";
import { prismaMultiStatementNonTransactional } from "./prisma-multi-statement-non-transactional";
import { refreshMatviewWithoutConcurrently } from "./refresh-matview-without-concurrently";
import { renameColumn } from "./rename-column";
import { renameTable } from "./rename-table";
import { requireConcurrentIndex } from "./require-concurrent-index";
import { requireConcurrentReindex } from "./require-concurrent-reindex";
import { rlsWeakened } from "./rls-weakened";
import { setLoggedUnlogged } from "./set-logged-unlogged";
import { setNotNull } from "./set-not-null";
import { tenantFkWithoutKey } from "./tenant-fk-without-key";
import { tenantIndexLeadingKey } from "./tenant-index-leading-key";
import { tenantTableWithoutRls } from "./tenant-table-without-rls";
import { tenantUniqueWithoutKey } from "./tenant-unique-without-key";
import { triggerOnExistingTable } from "./trigger-on-existing-table";
import { truncateTable } from "./truncate";
import { typeNarrowing } from "./type-narrowing";
import { unbatchedDataChange } from "./unbatched-data-change";
import { uniqueWithoutIndex } from "./unique-without-index";
import { vacuumFullOrCluster } from "./vacuum-full-or-cluster";

/** Every rule, in documentation order (alphabetical by id). */
export const RULES: readonly Rule[] = [
  addColumnRewrite,
  addRequiredColumn,
  backfillInDdlTransaction,
  columnTypeRewrite,
  concurrentlyInTransaction,
  constraintWithoutNotValid,
  downMigrationIncomplete,
  dropColumn,
  dropSchema,
  dropTable,
  enumValueChange,
  missingDownMigration,
  missingLockTimeout,
  multipleAccessExclusiveLocks,
  partialApplyNotRerunnable,
  preferBigintPrimaryKey,
  preferJsonb,
  preferText,
  preferTimestamptz,
  prismaMultiStatementNonTransactional,
  refreshMatviewWithoutConcurrently,
  renameColumn,
  renameTable,
  requireConcurrentIndex,
  requireConcurrentReindex,
  rlsWeakened,
  setLoggedUnlogged,
  setNotNull,
  tenantFkWithoutKey,
  tenantIndexLeadingKey,
  tenantTableWithoutRls,
  tenantUniqueWithoutKey,
  triggerOnExistingTable,
  truncateTable,
  typeNarrowing,
  unbatchedDataChange,
  uniqueWithoutIndex,
  vacuumFullOrCluster,
];

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);
