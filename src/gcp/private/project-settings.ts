/** Why a stack without its project's settings has no Cloud Storage audit config of its own. */
export const PROJECT_AUDIT_LOGS_ELSEWHERE =
  "This stack does not own its project's settings (a lakehouse with ownsProjectSettings false, a data mesh's contract registry beside a domain): Cloud Storage data-access audit logs (DATA_READ, DATA_WRITE) are turned on for the project by the stack that owns the project's settings (one authoritative audit config per project and service).";
