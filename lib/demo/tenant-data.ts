import type pg from "pg";

export type TenantDataSize = {
  /** Number of tenants (rows in "Organization"). */
  organizations: number;
  /** Multiplier on the per-tenant row counts; 1 ≈ 20 users, 100 risks, 60 controls per tenant. */
  scale: number;
};

/** A deterministic, cuid-looking id ('c' + 24 hex chars) for the k-th row of a kind within tenant o. */
function cuid(kind: string, o: string, k: string): string {
  return `'c' || substr(md5('${kind}:' || ${o} || ':' || ${k}), 1, 24)`;
}

/** One element of a literal text array, chosen by a 1-based SQL index expression. */
function nth(values: readonly string[], index: string): string {
  return `((ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ")}])[${index}])`;
}

/** A uniformly random element (the statement's seed makes it repeatable). */
function pick(values: readonly string[]): string {
  return nth(values, `1 + floor(random() * ${values.length})::int`);
}

/** A random element where weights[i] (whole numbers) is values[i]'s relative frequency. */
function weighted(values: readonly string[], weights: readonly number[]): string {
  return pick(values.flatMap((v, i) => Array<string>(weights[i]).fill(v)));
}

const FIRST_NAMES = [
  "Olivia", "Liam", "Emma", "Noah", "Amelia", "Oliver", "Sophia", "Elijah", "Isabella", "James",
  "Ava", "William", "Mia", "Benjamin", "Priya", "Lucas", "Chen", "Henry", "Fatima", "Mateo",
  "Aisha", "Daniel", "Yuki", "Jack", "Sofia", "Omar", "Grace", "Kwame", "Elena", "Ravi",
];
const LAST_NAMES = [
  "Smith", "Johnson", "Williams", "Brown", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Wilson",
  "Anderson", "Taylor", "Thomas", "Moore", "Patel", "Lee", "Nguyen", "Kim", "Okafor", "Schmidt",
  "Rossi", "Dubois", "Kowalski", "Tanaka", "Haddad", "Silva", "Novak", "Cohen", "Murphy", "Singh",
];
const BUSINESS_UNITS = [
  "Retail Banking", "Treasury", "IT Operations", "Finance", "Human Resources", "Legal",
  "Procurement", "Compliance", "Customer Service", "Product",
];
/** Risk titles with their category, aligned by index. */
const RISKS: readonly (readonly [string, string])[] = [
  ["Third-party vendor data breach", "TECHNOLOGY"],
  ["Ransomware attack on core systems", "TECHNOLOGY"],
  ["Unpatched critical vulnerabilities", "TECHNOLOGY"],
  ["Cloud provider regional outage", "TECHNOLOGY"],
  ["Phishing compromise of privileged accounts", "TECHNOLOGY"],
  ["Regulatory change in AML reporting", "COMPLIANCE"],
  ["Sanctions screening failure", "COMPLIANCE"],
  ["GDPR subject access request backlog", "COMPLIANCE"],
  ["Data quality in regulatory returns", "COMPLIANCE"],
  ["ESG disclosure misstatement", "COMPLIANCE"],
  ["Inaccurate month-end financial close", "FINANCIAL"],
  ["Liquidity shortfall under stress", "FINANCIAL"],
  ["Credit concentration in commercial real estate", "FINANCIAL"],
  ["FX exposure on foreign revenue", "FINANCIAL"],
  ["Fraudulent wire transfers", "FINANCIAL"],
  ["Key person dependency", "OPERATIONAL"],
  ["Business continuity plan untested", "OPERATIONAL"],
  ["Supplier insolvency", "OPERATIONAL"],
  ["Manual reconciliation errors", "OPERATIONAL"],
  ["Physical security of data centre", "OPERATIONAL"],
  ["Market entry delayed by licensing", "STRATEGIC"],
  ["Loss of major customer contract", "STRATEGIC"],
  ["Pricing model outcompeted", "STRATEGIC"],
  ["Failed integration of acquired business", "STRATEGIC"],
];
/** Control titles with their type, aligned by index. */
const CONTROLS: readonly (readonly [string, string])[] = [
  ["Multi-factor authentication for remote access", "PREVENTIVE"],
  ["Quarterly user access review", "DETECTIVE"],
  ["Segregation of duties in payments", "PREVENTIVE"],
  ["Dual approval for wire transfers above threshold", "PREVENTIVE"],
  ["Automated sanctions screening", "PREVENTIVE"],
  ["Daily cash reconciliation", "DETECTIVE"],
  ["Vendor security due diligence", "PREVENTIVE"],
  ["Security event monitoring (SIEM)", "DETECTIVE"],
  ["Monthly patch compliance report", "DETECTIVE"],
  ["Backup restore testing", "CORRECTIVE"],
  ["Incident response runbook", "CORRECTIVE"],
  ["Disaster recovery failover exercise", "CORRECTIVE"],
  ["Code of conduct attestation", "DIRECTIVE"],
  ["Data classification standard", "DIRECTIVE"],
  ["Change advisory board approval", "PREVENTIVE"],
  ["Journal entry review", "DETECTIVE"],
  ["Encryption of data at rest", "PREVENTIVE"],
  ["Phishing simulation and training", "DIRECTIVE"],
  ["Regulatory change horizon scanning", "DETECTIVE"],
  ["Contract legal review before signature", "PREVENTIVE"],
];
const POLICIES = [
  "Information Security Policy", "Acceptable Use Policy", "Anti-Money Laundering Policy",
  "Business Continuity Policy", "Data Retention Policy", "Vendor Risk Management Policy",
  "Code of Conduct", "Whistleblowing Policy", "Access Control Policy", "Incident Response Policy",
  "Privacy Policy", "Model Risk Policy", "Change Management Policy", "Remote Work Policy",
  "Anti-Bribery and Corruption Policy",
];
/** Document names with their category and file type, aligned by index. */
const DOCUMENTS: readonly (readonly [string, string, string])[] = [
  ["Board risk appetite statement", "POLICY", "pdf"],
  ["Access review evidence", "EVIDENCE", "xlsx"],
  ["Quarterly risk report", "REPORT", "pdf"],
  ["Vendor master services agreement", "CONTRACT", "pdf"],
  ["Incident response procedure", "PROCEDURE", "docx"],
  ["Penetration test results", "EVIDENCE", "pdf"],
  ["SOC 2 Type II report", "REPORT", "pdf"],
  ["Payment approval procedure", "PROCEDURE", "docx"],
  ["Reconciliation sign-off", "EVIDENCE", "xlsx"],
  ["Data processing agreement", "CONTRACT", "pdf"],
  ["Internal audit findings", "REPORT", "docx"],
  ["Meeting minutes risk committee", "OTHER", "docx"],
];
const MIME_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
const ORG_NAMES = [
  "Northwind", "Contoso", "Fabrikam", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Acme", "Hooli",
  "Vandelay", "Piedmont", "Soylent", "Tyrell", "Cyberdyne", "Wonka", "Oscorp", "Massive Dynamic", "Aperture", "Blue Sun",
];
const ORG_SECTORS = [
  "Bank", "Insurance", "Capital", "Health", "Logistics", "Energy", "Pharma", "Retail", "Telecom",
  "Credit Union", "Asset Management", "Payments",
];

/** The demo's "today": data is dated relative to it so every run produces the same rows. */
const TODAY = "'2025-06-30 09:00:00'::timestamp";

function statements(size: TenantDataSize): string[] {
  const { organizations: n, scale: s } = size;
  const count = (base: number, min: number) => `greatest(${min}, round(${base} * ${s} * f))::int`;
  const sector = `${nth(ORG_SECTORS, `1 + (o / ${ORG_NAMES.length}) % ${ORG_SECTORS.length}`)}`;
  const orgName = `${nth(ORG_NAMES, `1 + o % ${ORG_NAMES.length}`)} || ' ' || ${sector}
      || CASE WHEN o > ${ORG_NAMES.length * ORG_SECTORS.length} THEN ' ' || o ELSE '' END`;
  const user = (o: string, k: string) => cuid("user", o, k);
  const randomUser = `${user("g.o", "1 + floor(random() * g.users)::int")}`;

  return [
    `SET LOCAL synchronous_commit = off`,
    // Tenants differ in size (0.25×–1.75× the average) the way real customers do.
    `CREATE TEMP TABLE _org ON COMMIT DROP AS
     SELECT o, ${cuid("org", "o", "0")} AS id, f, name,
            lower(regexp_replace(name, '[^A-Za-z0-9]+', '-', 'g')) || '.example.com' AS domain,
            CASE WHEN f >= 1.35 THEN 'enterprise' WHEN f >= 0.75 THEN 'professional' ELSE 'starter' END AS tier,
            CASE WHEN o % 4 = 0 THEN 'YEAR' ELSE 'MONTH' END AS "interval",
            ${TODAY} - ((o * 7919) % 1100 + 60) * interval '1 day' AS since,
            ${count(20, 3)} AS users, ${count(100, 8)} AS risks, ${count(60, 5)} AS controls,
            ${count(4, 2)} AS assessments, least(${count(100, 8)}, greatest(3, round(25 * ${s}))::int) AS items,
            greatest(1, round(2 * ${s}))::int AS tests, ${count(12, 2)} AS policies, ${count(15, 2)} AS extractions,
            ${count(40, 4)} AS documents, least(24, greatest(3, round(18 * ${s}))::int) AS months,
            ${count(150, 12)} AS usage, ${count(40, 6)} AS events
       FROM (SELECT o, 0.25 + ((o * 37) % 16) / 10.0 AS f, ${orgName} AS name
               FROM generate_series(1, ${n}) AS o) AS base`,

    `SELECT setseed(0.11)`,
    `INSERT INTO "Organization" ("id", "name", "domain", "plan", "isActive", "settings", "billingEmail", "stripeCustomerId", "createdAt", "updatedAt")
     SELECT id, name, domain, tier, o % 29 <> 0,
            jsonb_build_object('timezone', ${nth(["UTC", "America/New_York", "Europe/London", "Europe/Berlin", "Asia/Singapore"], "1 + o % 5")},
                               'riskAppetite', ${nth(["LOW", "MODERATE", "HIGH"], "1 + o % 3")},
                               'mfaRequired', o % 3 <> 1, 'fiscalYearStart', 1 + o % 12),
            'billing@' || domain, 'cus_' || substr(md5('cus:' || o), 1, 14), since, since + random() * (${TODAY} - since)
       FROM _org ORDER BY o`,

    `SELECT setseed(0.12)`,
    `INSERT INTO "User" ("id", "email", "firstName", "lastName", "passwordHash", "role", "isActive", "lastLogin", "organizationId", "createdAt", "updatedAt")
     SELECT id, lower(first || '.' || last) || k || '@' || domain, first, last,
            '$2a$10$' || md5('pw:' || id) || substr(md5('salt:' || id), 1, 21),
            (CASE WHEN k = 1 THEN 'ADMIN' WHEN k <= 1 + users / 8 THEN 'RISK_MANAGER' WHEN k % 7 = 0 THEN 'AUDITOR' ELSE 'USER' END)::"UserRole",
            random() > 0.06, CASE WHEN random() < 0.9 THEN ${TODAY} - random() * interval '60 days' END,
            org, created, created + random() * (${TODAY} - created)
       FROM (SELECT ${user("g.o", "k")} AS id, k, g.users, g.domain, g.id AS org,
                    ${pick(FIRST_NAMES)} AS first, ${pick(LAST_NAMES)} AS last,
                    g.since + random() * (${TODAY} - g.since) * 0.8 AS created
               FROM _org g CROSS JOIN LATERAL generate_series(1, g.users) AS k) AS u`,

    `SELECT setseed(0.13)`,
    `INSERT INTO "Risk" ("id", "title", "description", "category", "likelihood", "impact", "riskScore", "status", "ownerId", "organizationId", "createdById",
                         "dateIdentified", "nextReview", "lastAssessedAt", "residualScore", "createdAt", "updatedAt")
     SELECT id, ${nth(RISKS.map((r) => r[0]), "t")} || ' (' || unit || ')',
            'Risk that ' || lower(${nth(RISKS.map((r) => r[0]), "t")}) || ' affects ' || unit || '; raised during '
              || ${pick(["the annual risk review", "an internal audit", "an incident post-mortem", "an RCSA workshop", "a regulatory exam"])} || '.',
            ${nth(RISKS.map((r) => r[1]), "t")}::"RiskCategory", l, i, l * i, status::"RiskStatus", owner, org, creator,
            identified, CASE WHEN status <> 'CLOSED' THEN identified + (90 + floor(random() * 275)::int) * interval '1 day' END,
            CASE WHEN status <> 'IDENTIFIED' THEN identified + random() * (${TODAY} - identified) END,
            CASE WHEN status <> 'IDENTIFIED' THEN greatest(1, l * i - floor(random() * l * i * 0.6)::int) END,
            identified, identified + random() * (${TODAY} - identified)
       FROM (SELECT ${cuid("risk", "g.o", "k")} AS id, g.id AS org,
                    1 + floor(random() * ${RISKS.length})::int AS t, ${pick(BUSINESS_UNITS)} AS unit,
                    1 + floor(random() * 5)::int AS l, 1 + floor(random() * 5)::int AS i,
                    ${weighted(["IDENTIFIED", "ASSESSED", "MITIGATED", "ACCEPTED", "CLOSED"], [15, 35, 30, 8, 12])} AS status,
                    CASE WHEN random() < 0.92 THEN ${randomUser} END AS owner, ${randomUser} AS creator,
                    g.since + random() * (${TODAY} - g.since) AS identified
               FROM _org g CROSS JOIN LATERAL generate_series(1, g.risks) AS k) AS r`,

    `SELECT setseed(0.14)`,
    `INSERT INTO "Control" ("id", "title", "description", "type", "frequency", "effectiveness", "status", "ownerId", "organizationId",
                            "lastTestDate", "nextTestDate", "createdAt", "updatedAt")
     SELECT id, ${nth(CONTROLS.map((c) => c[0]), "t")}, ${nth(CONTROLS.map((c) => c[0]), "t")} || ' operated by ' || unit || '.',
            ${nth(CONTROLS.map((c) => c[1]), "t")}::"ControlType", frequency,
            round((0.35 + random() * 0.65)::numeric, 2)::float8, status::"ControlStatus", owner, org,
            CASE WHEN status IN ('OPERATIONAL', 'NEEDS_IMPROVEMENT') THEN tested END,
            CASE WHEN status <> 'RETIRED' THEN tested + interval '90 days' END,
            created, created + random() * (${TODAY} - created)
       FROM (SELECT ${cuid("control", "g.o", "k")} AS id, g.id AS org,
                    1 + floor(random() * ${CONTROLS.length})::int AS t, ${pick(BUSINESS_UNITS)} AS unit,
                    ${pick(["Daily", "Weekly", "Monthly", "Quarterly", "Annually", "Continuous"])} AS frequency,
                    ${weighted(["PLANNED", "IMPLEMENTED", "OPERATIONAL", "NEEDS_IMPROVEMENT", "RETIRED"], [8, 20, 55, 12, 5])} AS status,
                    CASE WHEN random() < 0.95 THEN ${randomUser} END AS owner,
                    g.since + random() * (${TODAY} - g.since) AS created,
                    ${TODAY} - random() * interval '120 days' AS tested
               FROM _org g CROSS JOIN LATERAL generate_series(1, g.controls) AS k) AS c`,

    `SELECT setseed(0.15)`,
    // One or two controls per risk; consecutive offsets keep each (risk, control) pair unique.
    `INSERT INTO "ControlRiskMapping" ("id", "organizationId", "riskId", "controlId", "effectiveness", "createdAt")
     SELECT ${cuid("mapping", "g.o", "k || ':' || j")}, g.id, ${cuid("risk", "g.o", "k")},
            ${cuid("control", "g.o", "1 + (k * 7 + j - 1) % g.controls")},
            round((0.2 + random() * 0.8)::numeric, 2)::float8, g.since + random() * (${TODAY} - g.since)
       FROM _org g CROSS JOIN LATERAL generate_series(1, g.risks) AS k CROSS JOIN LATERAL generate_series(1, 1 + k % 2) AS j`,

    `SELECT setseed(0.16)`,
    // Quarterly RCSA cycles, newest first: the current one is open, older ones completed or archived.
    `INSERT INTO "RcsaAssessment" ("id", "organizationId", "title", "description", "period", "status", "ownerId", "startDate", "dueDate", "completedAt", "createdAt", "updatedAt")
     SELECT id, org, period || ' Risk and Control Self-Assessment', 'Quarterly RCSA covering ' || unit || '.', period,
            status::"AssessmentStatus", owner, start, start + interval '75 days',
            CASE WHEN status IN ('COMPLETED', 'ARCHIVED') THEN start + (50 + floor(random() * 40)::int) * interval '1 day' END,
            start - interval '14 days', start + interval '1 day' * least(90, (${TODAY}::date - start::date))
       FROM (SELECT ${cuid("rcsa", "g.o", "a")} AS id, g.id AS org,
                    to_char(date '2025-04-01' - (a - 1) * interval '3 months', 'YYYY "Q"Q') AS period,
                    date '2025-04-01' - (a - 1) * interval '3 months' AS start,
                    CASE WHEN a = 1 THEN ${nth(["IN_PROGRESS", "UNDER_REVIEW", "DRAFT"], "1 + g.o % 3")} WHEN a <= 5 THEN 'COMPLETED' ELSE 'ARCHIVED' END AS status,
                    ${pick(BUSINESS_UNITS)} AS unit, ${user("g.o", "1 + (a % (1 + g.users / 8))")} AS owner
               FROM _org g CROSS JOIN LATERAL generate_series(1, g.assessments) AS a) AS x`,

    `SELECT setseed(0.17)`,
    `INSERT INTO "AssessmentItem" ("id", "organizationId", "assessmentId", "riskId", "controlId", "inherentLikelihood", "inherentImpact",
                                   "controlRating", "residualScore", "comments", "reviewedById", "reviewedAt", "createdAt", "updatedAt")
     SELECT id, org, assessment, risk, control, l, i, rating,
            CASE WHEN rating IS NOT NULL THEN greatest(1, l * i - rating * 2) END,
            CASE WHEN random() < 0.4 THEN ${pick(["Control operating as designed.", "Evidence incomplete; follow up with owner.", "Residual risk above appetite.", "Compensating control in place.", "Agreed with risk owner."])} END,
            CASE WHEN rating IS NOT NULL THEN reviewer END, CASE WHEN rating IS NOT NULL THEN created + interval '20 days' END,
            created, created + interval '25 days'
       FROM (SELECT ${cuid("item", "g.o", "a || ':' || j")} AS id, g.id AS org, ${cuid("rcsa", "g.o", "a")} AS assessment,
                    ${cuid("risk", "g.o", "1 + (a * 17 + j - 1) % g.risks")} AS risk,
                    CASE WHEN random() < 0.8 THEN ${cuid("control", "g.o", "1 + (a + j) % g.controls")} END AS control,
                    1 + floor(random() * 5)::int AS l, 1 + floor(random() * 5)::int AS i,
                    CASE WHEN a > 1 OR random() < 0.5 THEN 1 + floor(random() * 5)::int END AS rating,
                    ${randomUser} AS reviewer,
                    date '2025-04-01' - (a - 1) * interval '3 months' + random() * interval '30 days' AS created
               FROM _org g CROSS JOIN LATERAL generate_series(1, g.assessments) AS a CROSS JOIN LATERAL generate_series(1, g.items) AS j) AS x`,

    `SELECT setseed(0.18)`,
    `INSERT INTO "ControlTest" ("id", "organizationId", "controlId", "assessmentId", "testerId", "testDate", "result", "sampleSize", "exceptionsFound",
                                "notes", "evidenceUrl", "createdAt", "updatedAt")
     SELECT id, org, control, assessment, tester, tested, result::"ControlTestResult", sample,
            CASE result WHEN 'FAILED' THEN 2 + floor(random() * sample * 0.2)::int WHEN 'PASSED_WITH_EXCEPTIONS' THEN 1 ELSE 0 END,
            CASE result WHEN 'FAILED' THEN 'Deficiency raised with control owner.' WHEN 'PASSED_WITH_EXCEPTIONS' THEN 'Isolated exception, no pattern.' END,
            CASE WHEN result <> 'NOT_TESTED' THEN 'https://files.example.com/evidence/' || id END,
            tested, tested + interval '2 days'
       FROM (SELECT ${cuid("test", "g.o", "k || ':' || t")} AS id, g.id AS org, ${cuid("control", "g.o", "k")} AS control,
                    CASE WHEN random() < 0.6 THEN ${cuid("rcsa", "g.o", "1 + (k + t) % g.assessments")} END AS assessment,
                    ${randomUser} AS tester, ${TODAY} - (t * 90 + floor(random() * 80)::int) * interval '1 day' AS tested,
                    ${weighted(["PASSED", "PASSED_WITH_EXCEPTIONS", "FAILED", "NOT_TESTED"], [68, 14, 10, 8])} AS result,
                    (ARRAY[5, 10, 25, 40, 60])[1 + floor(random() * 5)::int] AS sample
               FROM _org g CROSS JOIN LATERAL generate_series(1, g.controls) AS k CROSS JOIN LATERAL generate_series(1, g.tests) AS t) AS x`,

    `SELECT setseed(0.19)`,
    `INSERT INTO "Policy" ("id", "organizationId", "title", "version", "status", "content", "ownerId", "effectiveDate", "reviewDate", "createdAt", "updatedAt")
     SELECT ${cuid("policy", "g.o", "p")}, g.id, ${nth(POLICIES, `1 + (p - 1) % ${POLICIES.length}`)},
            (1 + (p * 3) % 4) || '.' || (p % 3),
            ${weighted(["DRAFT", "UNDER_REVIEW", "APPROVED", "PUBLISHED", "RETIRED"], [10, 10, 15, 60, 5])}::"PolicyStatus",
            'This policy sets out how ' || ${nth(ORG_NAMES, `1 + g.o % ${ORG_NAMES.length}`)} || ' manages ' || lower(${nth(POLICIES, `1 + (p - 1) % ${POLICIES.length}`)}) || ' obligations.',
            ${randomUser}, date '2024-01-01' + (p * 11) % 500, date '2025-07-01' + (p * 13) % 365,
            g.since + (p * 5) * interval '1 day', g.since + (p * 5 + 30) * interval '1 day'
       FROM _org g CROSS JOIN LATERAL generate_series(1, g.policies) AS p`,

    `SELECT setseed(0.20)`,
    `INSERT INTO "Document" ("id", "organizationId", "name", "description", "category", "mimeType", "size", "storageKey", "checksum", "tags",
                             "isArchived", "currentVersion", "uploadedById", "createdAt", "updatedAt")
     SELECT id, org, ${nth(DOCUMENTS.map((d) => d[0]), "t")} || ' ' || to_char(created, 'YYYY-MM') || '.' || ${nth(DOCUMENTS.map((d) => d[2]), "t")},
            CASE WHEN random() < 0.5 THEN 'Uploaded for the ' || lower(${nth(DOCUMENTS.map((d) => d[0]), "t")}) || ' file.' END,
            ${nth(DOCUMENTS.map((d) => d[1]), "t")}::"DocumentCategory",
            (${`ARRAY[${DOCUMENTS.map((d) => `'${MIME_TYPES[d[2]]}'`).join(", ")}]`})[t],
            20000 + floor(random() * 4980000)::int, 'org/' || org || '/documents/' || id, md5('content:' || id),
            ARRAY[${pick(["sox", "iso27001", "gdpr", "aml", "board", "audit", "vendor"])}, ${pick(["2024", "2025", "q1", "q2", "q3", "q4"])}],
            random() < 0.08, 1 + k % 4, uploader, created, created + (k % 4) * interval '21 days'
       FROM (SELECT ${cuid("document", "g.o", "k")} AS id, k, g.id AS org, 1 + floor(random() * ${DOCUMENTS.length})::int AS t,
                    ${randomUser} AS uploader, g.since + random() * (${TODAY} - g.since) * 0.85 AS created
               FROM _org g CROSS JOIN LATERAL generate_series(1, g.documents) AS k) AS x`,

    `INSERT INTO "DocumentVersion" ("id", "organizationId", "documentId", "version", "storageKey", "size", "checksum", "changeNote", "createdById", "createdAt")
     SELECT ${cuid("docversion", "g.o", "k || ':' || v")}, g.id, d.id, v, d."storageKey" || '/v' || v,
            greatest(1000, d."size" + (v - 1) * 7919 - 15000), md5('content:' || d.id || ':' || v),
            CASE WHEN v > 1 THEN ${nth(["Annual refresh", "Updated after audit feedback", "Formatting and references", "New regulatory requirements"], "1 + v % 4")} END,
            ${user("g.o", "1 + (k * v) % g.users")}, d."createdAt" + (v - 1) * interval '21 days'
       FROM _org g CROSS JOIN LATERAL generate_series(1, g.documents) AS k
       JOIN "Document" d ON d.id = ${cuid("document", "g.o", "k")}
       CROSS JOIN LATERAL generate_series(1, d."currentVersion") AS v`,

    `SELECT setseed(0.21)`,
    `INSERT INTO "DocumentShare" ("id", "organizationId", "documentId", "sharedWithId", "permission", "sharedById", "expiresAt", "createdAt")
     SELECT ${cuid("share", "g.o", "k || ':' || j")}, g.id, ${cuid("document", "g.o", "k")}, ${user("g.o", "1 + (k + j) % g.users")},
            ${weighted(["VIEW", "COMMENT", "EDIT"], [60, 25, 15])}::"SharePermission", ${randomUser},
            CASE WHEN random() < 0.3 THEN ${TODAY} + (floor(random() * 90)::int - 30) * interval '1 day' END,
            ${TODAY} - random() * interval '400 days'
       FROM _org g CROSS JOIN LATERAL generate_series(1, g.documents) AS k CROSS JOIN LATERAL generate_series(1, least(g.users - 1, k % 3)) AS j`,

    `SELECT setseed(0.22)`,
    `INSERT INTO "PolicyExtraction" ("id", "organizationId", "policyId", "sourceFileName", "sourceMimeType", "status", "extractedText", "confidence",
                                     "errorMessage", "requestedById", "processedAt", "documentId", "createdAt", "updatedAt")
     SELECT id, org, policy, file, 'application/pdf', status::"ExtractionStatus",
            CASE WHEN status = 'COMPLETED' THEN 'Extracted ' || (3 + floor(random() * 40)::int) || ' pages of policy text from ' || file || '.' END,
            CASE WHEN status = 'COMPLETED' THEN round((0.72 + random() * 0.27)::numeric, 3)::float8 END,
            CASE WHEN status = 'FAILED' THEN ${pick(["PDF is password protected", "OCR timed out after 120s", "Unsupported scanned image quality"])} END,
            requester, CASE WHEN status IN ('COMPLETED', 'FAILED') THEN created + random() * interval '10 minutes' END,
            document, created, created + interval '10 minutes'
       FROM (SELECT ${cuid("extraction", "g.o", "e")} AS id, g.id AS org,
                    CASE WHEN random() < 0.85 THEN ${cuid("policy", "g.o", "1 + (e - 1) % g.policies")} END AS policy,
                    CASE WHEN random() < 0.6 THEN ${cuid("document", "g.o", "1 + (e * 3) % g.documents")} END AS document,
                    lower(replace(${nth(POLICIES, `1 + (e - 1) % ${POLICIES.length}`)}, ' ', '-')) || '-v' || (1 + e % 3) || '.pdf' AS file,
                    ${weighted(["COMPLETED", "FAILED", "PROCESSING", "PENDING"], [85, 5, 5, 5])} AS status,
                    ${randomUser} AS requester, ${TODAY} - random() * interval '500 days' AS created
               FROM _org g CROSS JOIN LATERAL generate_series(1, g.extractions) AS e) AS x`,

    `SELECT setseed(0.23)`,
    `INSERT INTO "ExtractedRequirement" ("id", "organizationId", "extractionId", "text", "category", "confidence", "pageNumber", "mappedControlId", "createdAt")
     SELECT ${cuid("requirement", "g.o", "x.id || ':' || r")}, g.id, x.id,
            ${pick([
              "Access to production systems must be reviewed quarterly.",
              "Customer data must be encrypted at rest and in transit.",
              "Payments above the approval threshold require two approvers.",
              "Incidents must be reported to the regulator within 72 hours.",
              "Vendors handling personal data must be assessed annually.",
              "Backups must be restored and verified at least twice a year.",
              "Employees must complete security awareness training annually.",
              "Records must be retained for seven years.",
            ])},
            ${pick(["Access management", "Data protection", "Financial controls", "Incident management", "Third-party risk", "Resilience", "Training", "Records management"])},
            round((0.55 + random() * 0.44)::numeric, 3)::float8, 1 + floor(random() * 40)::int,
            CASE WHEN random() < 0.65 THEN ${cuid("control", "g.o", "1 + floor(random() * g.controls)::int")} END,
            x."processedAt"
       FROM "PolicyExtraction" x JOIN _org g ON g.id = x."organizationId"
       CROSS JOIN LATERAL generate_series(1, greatest(1, round(4 * ${s} * (0.5 + get_byte(decode(md5(x.id), 'hex'), 0) / 255.0)))::int) AS r
      WHERE x.status = 'COMPLETED'`,

    `INSERT INTO "SubscriptionPlan" ("id", "name", "tier", "description", "price", "currency", "interval", "features", "limits", "stripePriceId", "isActive", "createdAt", "updatedAt")
     SELECT ${cuid("plan", "tier", "iv")}, initcap(tier) || CASE iv WHEN 'YEAR' THEN ' (annual)' ELSE '' END, tier,
            'Riscura ' || initcap(tier) || ' plan', CASE iv WHEN 'YEAR' THEN price * 10 ELSE price END, 'USD', iv::"BillingInterval",
            features, jsonb_build_object('users', users, 'risks', risks, 'storageGb', storage),
            'price_' || substr(md5(tier || iv), 1, 14), true, '2023-01-15', '2024-07-01'
       FROM (VALUES ('starter', 49.00, 5, 250, 10, '["risk_register","controls","basic_reports"]'::jsonb),
                    ('professional', 149.00, 50, 5000, 100, '["risk_register","controls","rcsa","policy_extraction","documents","advanced_reports"]'::jsonb),
                    ('enterprise', 499.00, -1, -1, 1000, '["risk_register","controls","rcsa","policy_extraction","documents","advanced_reports","sso","audit_export","api"]'::jsonb))
            AS p(tier, price, users, risks, storage, features)
      CROSS JOIN (VALUES ('MONTH'), ('YEAR')) AS i(iv)`,

    `SELECT setseed(0.24)`,
    // Each tenant has its current subscription; a third also have an earlier one they upgraded from.
    `INSERT INTO "OrganizationSubscription" ("id", "organizationId", "planId", "status", "quantity", "currentPeriodStart", "currentPeriodEnd", "trialEnd",
                                             "cancelAtPeriodEnd", "canceledAt", "stripeSubscriptionId", "createdAt", "updatedAt")
     SELECT ${cuid("subscription", "g.o", "v")}, g.id,
            ${cuid("plan", "CASE WHEN v = 2 THEN 'starter' ELSE g.tier END", "g.\"interval\"")}, status::"SubscriptionStatus",
            greatest(1, g.users), period_start, period_start + CASE g."interval" WHEN 'YEAR' THEN interval '1 year' ELSE interval '1 month' END,
            CASE WHEN status = 'TRIALING' THEN ${TODAY} + interval '9 days' END, v = 1 AND g.o % 17 = 0,
            CASE WHEN status = 'CANCELED' THEN period_start + interval '20 days' END,
            'sub_' || substr(md5('sub:' || g.o || ':' || v), 1, 14), g.since, period_start
       FROM _org g CROSS JOIN LATERAL generate_series(1, CASE WHEN g.o % 3 = 0 THEN 2 ELSE 1 END) AS v
       CROSS JOIN LATERAL (SELECT CASE WHEN v = 2 OR g.o % 29 = 0 THEN 'CANCELED' WHEN g.o % 23 = 0 THEN 'PAST_DUE'
                                       WHEN g.since > ${TODAY} - interval '120 days' THEN 'TRIALING' ELSE 'ACTIVE' END AS status,
                                  CASE WHEN v = 2 THEN g.since ELSE date_trunc('month', ${TODAY}) END AS period_start) AS s`,

    `SELECT setseed(0.25)`,
    `INSERT INTO "Invoice" ("id", "organizationId", "subscriptionId", "number", "status", "subtotal", "tax", "total", "currency",
                            "periodStart", "periodEnd", "dueDate", "paidAt", "stripeInvoiceId", "createdAt", "updatedAt")
     SELECT id, org, sub, number, status::"InvoiceStatus", subtotal, round(subtotal * 0.08, 2), subtotal + round(subtotal * 0.08, 2), 'USD',
            period_start, period_start + interval '1 month', period_start + interval '14 days',
            CASE WHEN status = 'PAID' THEN period_start + (1 + floor(random() * 12)::int) * interval '1 day' END,
            CASE WHEN status <> 'DRAFT' THEN 'in_' || substr(md5('in:' || id), 1, 20) END, period_start, period_start + interval '14 days'
       FROM (SELECT ${cuid("invoice", "g.o", "m")} AS id, g.id AS org, ${cuid("subscription", "g.o", "1")} AS sub,
                    'INV-' || lpad(g.o::text, 4, '0') || '-' || lpad((g.months - m + 1)::text, 4, '0') AS number,
                    CASE WHEN m = 1 THEN ${nth(["DRAFT", "OPEN"], "1 + g.o % 2")} WHEN m = 2 AND g.o % 23 = 0 THEN 'OPEN'
                         ELSE ${weighted(["PAID", "VOID", "UNCOLLECTIBLE"], [94, 4, 2])} END AS status,
                    round((${nth(["49", "149", "499"], "CASE g.tier WHEN 'starter' THEN 1 WHEN 'professional' THEN 2 ELSE 3 END")}::numeric
                           + greatest(0, g.users - 5) * 12 + floor(random() * 200)::int), 2) AS subtotal,
                    date_trunc('month', ${TODAY}) - (m - 1) * interval '1 month' AS period_start
               FROM _org g CROSS JOIN LATERAL generate_series(1, g.months) AS m) AS x`,

    `SELECT setseed(0.26)`,
    // A paid invoice sometimes needed a retry; an uncollectible one failed every attempt.
    `INSERT INTO "Payment" ("id", "organizationId", "invoiceId", "amount", "currency", "status", "method", "failureReason", "stripePaymentIntentId", "processedAt", "createdAt")
     SELECT 'c' || substr(md5('payment:' || i.id || ':' || j), 1, 24), i."organizationId", i.id, i.total, 'USD',
            (CASE WHEN i.status = 'PAID' AND j = attempts THEN 'SUCCEEDED' WHEN i.status = 'PAID' AND j < attempts THEN 'FAILED'
                  WHEN i.status = 'UNCOLLECTIBLE' THEN 'FAILED' ELSE 'PENDING' END)::"PaymentStatus",
            method,
            CASE WHEN i.status = 'UNCOLLECTIBLE' OR j < attempts THEN ${pick(["card_declined", "insufficient_funds", "expired_card", "authentication_required"])} END,
            'pi_' || substr(md5('pi:' || i.id || ':' || j), 1, 24),
            CASE WHEN i.status <> 'OPEN' THEN i."dueDate" - interval '13 days' + j * interval '3 days' END,
            i."dueDate" - interval '13 days' + j * interval '3 days'
       FROM "Invoice" i
       CROSS JOIN LATERAL (SELECT CASE WHEN i.status = 'UNCOLLECTIBLE' THEN 3 WHEN i.status = 'PAID' AND random() < 0.06 THEN 2 ELSE 1 END AS attempts,
                                  ${pick(["card", "card", "card", "ach_debit", "sepa_debit", "wire_transfer"])} AS method) AS a
       CROSS JOIN LATERAL generate_series(1, a.attempts) AS j
      WHERE i.status IN ('PAID', 'UNCOLLECTIBLE', 'OPEN')`,

    `SELECT setseed(0.27)`,
    `INSERT INTO "UsageRecord" ("id", "organizationId", "subscriptionId", "metric", "quantity", "recordedAt", "metadata")
     SELECT ${cuid("usage", "g.o", "u")}, g.id, ${cuid("subscription", "g.o", "1")}, metric,
            CASE metric WHEN 'api_calls' THEN 100 + floor(random() * 20000 * g.f)::int WHEN 'active_users' THEN 1 + floor(random() * g.users)::int
                        WHEN 'storage_gb' THEN 1 + floor(random() * 80 * g.f)::int ELSE floor(random() * 60)::int END,
            ${TODAY} - (u * 17 % 365) * interval '1 day' - random() * interval '1 day',
            CASE WHEN random() < 0.7 THEN jsonb_build_object('source', ${pick(["web", "api", "scheduler", "integration"])}, 'region', ${pick(["us-east-1", "eu-west-1", "ap-southeast-1"])}) END
       FROM _org g CROSS JOIN LATERAL generate_series(1, g.usage) AS u
       CROSS JOIN LATERAL (SELECT ${pick(["api_calls", "api_calls", "active_users", "storage_gb", "documents_processed", "ai_extractions"])} AS metric
                            WHERE u > 0) AS m`,

    `SELECT setseed(0.28)`,
    `INSERT INTO "BillingEvent" ("id", "organizationId", "type", "data", "processed", "stripeEventId", "createdAt")
     SELECT ${cuid("billingevent", "g.o", "e")}, g.id, type,
            jsonb_build_object('object', split_part(type, '.', 1), 'customer', 'cus_' || substr(md5('cus:' || g.o), 1, 14), 'livemode', true,
                               'amount', CASE WHEN type LIKE 'invoice.%' OR type LIKE 'payment_intent.%' THEN 4900 + floor(random() * 60000)::int END),
            random() < 0.97, 'evt_' || substr(md5('evt:' || g.o || ':' || e), 1, 24),
            ${TODAY} - (e * 9 % 540) * interval '1 day' - random() * interval '1 day'
       FROM _org g CROSS JOIN LATERAL generate_series(1, g.events) AS e
       CROSS JOIN LATERAL (SELECT ${pick(["invoice.created", "invoice.paid", "invoice.finalized", "customer.subscription.updated", "payment_intent.succeeded", "payment_intent.payment_failed", "customer.updated"])} AS type
                            WHERE e > 0) AS t`,
  ];
}

/**
 * Per-row foreign-key triggers would triple the load time. The generator derives every
 * reference from the same id formula as its target (the tests check there are no orphans),
 * so when the role may (superuser, as on the embedded demo server) the checks are skipped
 * for this transaction only.
 */
async function skipForeignKeyTriggersIfAllowed(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ rolsuper: boolean }>("SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
  if (rows[0]?.rolsuper) await client.query("SET LOCAL session_replication_role = replica");
}

/**
 * Fills an empty Riscura schema (migrations 000–004) with deterministic, varied tenant data,
 * generated server-side with generate_series so the prod size loads in seconds, then ANALYZEs
 * so the linter and the health pages see real table sizes.
 */
export async function populateTenantData(client: pg.Client, size: TenantDataSize): Promise<void> {
  if (!Number.isInteger(size.organizations) || size.organizations < 1) {
    throw new Error(`organizations must be a positive integer, got ${size.organizations}`);
  }
  if (!Number.isFinite(size.scale) || size.scale <= 0) throw new Error(`scale must be a positive number, got ${size.scale}`);

  await client.query("BEGIN");
  try {
    await skipForeignKeyTriggersIfAllowed(client);
    for (const sql of statements(size)) {
      try {
        await client.query(sql);
      } catch (error) {
        const target = /INSERT INTO "(\w+)"/.exec(sql)?.[1] ?? sql.slice(0, 60);
        throw new Error(`populating ${target}: ${(error as Error).message}`, { cause: error });
      }
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  await client.query("ANALYZE");
}
