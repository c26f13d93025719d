const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value can be an API id: every id is a UUID string (API.md). */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
