/**
 * The API's paths, operations, request and response bodies, as the server's OpenAPI document
 * (/docs/json) declares them: generated from it by openapi-typescript into
 * server/shared/api-types.generated.ts. Do not edit:
 * run `npm run api:types` after changing a route's schema (tests/integration/api-types.test.ts and
 * openapi-contract.test.ts fail until you do). tests/helpers/client.ts types every response of the
 * test client from `paths`; web/src/lib/types.ts names the web app's types from it.
 */

export interface paths {
    "/api/claims/{id}/evidence/{eid}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    eid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            archive: {
                                /** Format: uuid */
                                evidenceId: string;
                                url: string;
                                /** @enum {string} */
                                state: "pending" | "archived" | "failed";
                                finalUrl: string | null;
                                httpStatus: number | null;
                                contentType: string | null;
                                title: string | null;
                                text: string | null;
                                sha256: string | null;
                                error: string | null;
                                fetchedAt: string | null;
                                checkedAt: string | null;
                                /** @description what the last re-check found */
                                recheck: ("unchanged" | "changed" | "gone" | "failed" | "archived") | null;
                                /** @description ISO 8601 time */
                                createdAt: string;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/evidence/{eid}/archive/recheck": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    eid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            archive: {
                                /** Format: uuid */
                                evidenceId: string;
                                url: string;
                                /** @enum {string} */
                                state: "pending" | "archived" | "failed";
                                finalUrl: string | null;
                                httpStatus: number | null;
                                contentType: string | null;
                                title: string | null;
                                text: string | null;
                                sha256: string | null;
                                error: string | null;
                                fetchedAt: string | null;
                                checkedAt: string | null;
                                /** @description what the last re-check found */
                                recheck: ("unchanged" | "changed" | "gone" | "failed" | "archived") | null;
                                /** @description ISO 8601 time */
                                createdAt: string;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with the current state (a signed-off claim, a duplicate, a confirmation to give). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Understood but cannot be done (an anchor that is not in the text, an unreadable file, work past the time limit `too_complex`, a change through the live document that the database refused `save_refused`). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            /** @enum {string} */
                            db: "postgres" | "pglite";
                            /** @enum {string} */
                            bus: "redis" | "local";
                            saves: {
                                unsavedSeconds: number;
                                quarantined: number | null;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            /** @enum {string} */
                            db: "postgres" | "pglite";
                            /** @enum {string} */
                            bus: "redis" | "local";
                            saves: {
                                unsavedSeconds: number;
                                quarantined: number | null;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        password: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                /** Format: uuid */
                                id: string;
                                email: string;
                                name: string;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with the current state (a signed-off claim, a duplicate, a confirmation to give). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                /** Format: uuid */
                                id: string;
                                email: string;
                                name: string;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                /** Format: uuid */
                                id: string;
                                email: string;
                                name: string;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tokens: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                createdAt: string;
                                lastUsedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workspaces: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                quorum: number;
                                publicVotes: boolean;
                                /** @enum {string} */
                                revealRule: "quorum" | "lead";
                                /** @enum {string} */
                                role: "viewer" | "annotator" | "factchecker" | "lead";
                            }[];
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workspace: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                quorum: number;
                                publicVotes: boolean;
                                /** @enum {string} */
                                revealRule: "quorum" | "lead";
                                /** @enum {string} */
                                role: "viewer" | "annotator" | "factchecker" | "lead";
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{wid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    wid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        quorum?: number;
                        publicVotes?: boolean;
                        /** @enum {string} */
                        revealRule?: "quorum" | "lead";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workspace: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                quorum: number;
                                publicVotes: boolean;
                                /** @enum {string} */
                                revealRule: "quorum" | "lead";
                                /** @enum {string} */
                                role: "viewer" | "annotator" | "factchecker" | "lead";
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/workspaces/{wid}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    wid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: {
                                user: {
                                    /** Format: uuid */
                                    id: string;
                                    email: string;
                                    name: string;
                                };
                                /** @enum {string} */
                                role: "viewer" | "annotator" | "factchecker" | "lead";
                            }[];
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    wid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        /** @enum {string} */
                        role: "viewer" | "annotator" | "factchecker" | "lead";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            member: {
                                user: {
                                    /** Format: uuid */
                                    id: string;
                                    email: string;
                                    name: string;
                                };
                                /** @enum {string} */
                                role: "viewer" | "annotator" | "factchecker" | "lead";
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with the current state (a signed-off claim, a duplicate, a confirmation to give). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{wid}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    wid: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with the current state (a signed-off claim, a duplicate, a confirmation to give). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    wid: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role: "viewer" | "annotator" | "factchecker" | "lead";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: {
                                user: {
                                    /** Format: uuid */
                                    id: string;
                                    email: string;
                                    name: string;
                                };
                                /** @enum {string} */
                                role: "viewer" | "annotator" | "factchecker" | "lead";
                            }[];
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with the current state (a signed-off claim, a duplicate, a confirmation to give). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/workspaces/{wid}/invites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    wid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            invites: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                role: "viewer" | "annotator" | "factchecker" | "lead";
                                maxUses: number | null;
                                uses: number;
                                expiresAt: string;
                                createdAt: string;
                                createdBy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                revokedAt: string | null;
                                /** @enum {string} */
                                state: "usable" | "expired" | "revoked" | "used_up";
                            }[];
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    wid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role: "viewer" | "annotator" | "factchecker" | "lead";
                        /** @default 168 */
                        expiresInHours?: number;
                        /** @default 1 */
                        maxUses?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            invite: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                role: "viewer" | "annotator" | "factchecker" | "lead";
                                maxUses: number | null;
                                uses: number;
                                expiresAt: string;
                                createdAt: string;
                                createdBy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                revokedAt: string | null;
                                /** @enum {string} */
                                state: "usable" | "expired" | "revoked" | "used_up";
                            };
                            token: string;
                            path: string;
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with the current state (a signed-off claim, a duplicate, a confirmation to give). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{wid}/invites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    wid: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invites/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            invite: {
                                workspace: {
                                    name: string;
                                };
                                /** @enum {string} */
                                role: "viewer" | "annotator" | "factchecker" | "lead";
                                /** @enum {string} */
                                state: "usable" | "expired" | "revoked" | "used_up";
                                expiresAt: string;
                                invitedBy: {
                                    name: string;
                                } | null;
                                membership: {
                                    /** Format: uuid */
                                    workspaceId: string;
                                    /** @enum {string} */
                                    role: "viewer" | "annotator" | "factchecker" | "lead";
                                } | null;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invites/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workspace: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            /** @enum {string} */
                            role: "viewer" | "annotator" | "factchecker" | "lead";
                            alreadyMember: boolean;
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Gone: an invite link that expired, was revoked or has been used as often as it allows (`invite_expired`, `invite_revoked`, `invite_used_up`). */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{wid}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    wid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            documents: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                sourceUrl: string | null;
                                authors: string[];
                                sourcePublishedOn: string | null;
                                /** @enum {string} */
                                format: "text" | "markdown" | "html" | "pdf" | "docx";
                                version: number;
                                /** @description ISO 8601 time */
                                createdAt: string;
                                /** @description length of the canonical text in characters */
                                length: number;
                                counts: {
                                    claims: number;
                                    verified: number;
                                };
                            }[];
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** @description Import a document: JSON `{title, text, format?, sourceUrl?, authors?, sourcePublishedOn?}` or a multipart form with `file` (.txt, .md, .html, .pdf, .docx) and optional `title`, `sourceUrl`, `authors` (comma-separated), `sourcePublishedOn`. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    wid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        text: string;
                        /**
                         * @default text
                         * @enum {string}
                         */
                        format?: "text" | "markdown" | "html";
                        /** Format: uri */
                        sourceUrl?: string;
                        authors?: string[];
                        /** Format: date */
                        sourcePublishedOn?: string;
                    };
                    "multipart/form-data": {
                        title?: string;
                        /** Format: uri */
                        sourceUrl?: string;
                        authors?: string;
                        /** Format: date */
                        sourcePublishedOn?: string;
                        /**
                         * Format: binary
                         * @description the document: .txt, .md, .html, .pdf or .docx
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            document: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                workspaceId: string;
                                title: string;
                                sourceUrl: string | null;
                                authors: string[];
                                sourcePublishedOn: string | null;
                                /** @enum {string} */
                                format: "text" | "markdown" | "html" | "pdf" | "docx";
                                text: string;
                                contentHash: string;
                                version: number;
                                /** @description ISO 8601 time */
                                createdAt: string;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Understood but cannot be done (an anchor that is not in the text, an unreadable file, work past the time limit `too_complex`, a change through the live document that the database refused `save_refused`). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            document: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                workspaceId: string;
                                title: string;
                                sourceUrl: string | null;
                                authors: string[];
                                sourcePublishedOn: string | null;
                                /** @enum {string} */
                                format: "text" | "markdown" | "html" | "pdf" | "docx";
                                text: string;
                                contentHash: string;
                                version: number;
                                /** @description ISO 8601 time */
                                createdAt: string;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** @description Delete the document and everything that belongs to it: claims, their evidence, votes, comments and history, its published fact-checks, its versions and its shared document. Open collaboration connections to it are closed with 4410. Evidence in other documents citing it is kept, with its excerpt. Answers what was removed. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deletion: {
                                /** @description claims of the document (not counting deleted ones) */
                                claims: number;
                                /** @description evidence entries of those claims */
                                evidence: number;
                                /** @description votes on those claims, every round */
                                votes: number;
                                /** @description comments on those claims */
                                comments: number;
                                /** @description published fact-checks among them (their public pages answer 404 afterwards) */
                                published: number;
                                /** @description versions of the text, the current one included */
                                versions: number;
                                /** @description evidence entries of other documents' claims whose source is this document: kept, with their excerpt */
                                citedBy: number;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** @description Change a document's metadata: title, source URL, authors, the source's publication date. */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        sourceUrl?: string | null;
                        authors?: string[];
                        sourcePublishedOn?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            document: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                workspaceId: string;
                                title: string;
                                sourceUrl: string | null;
                                authors: string[];
                                sourcePublishedOn: string | null;
                                /** @enum {string} */
                                format: "text" | "markdown" | "html" | "pdf" | "docx";
                                text: string;
                                contentHash: string;
                                version: number;
                                /** @description ISO 8601 time */
                                createdAt: string;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/documents/{id}/deletion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description What deleting the document would remove (claims, evidence, votes, comments, published fact-checks, versions) and what it keeps (evidence in other documents that cites it), for the confirmation. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deletion: {
                                /** @description claims of the document (not counting deleted ones) */
                                claims: number;
                                /** @description evidence entries of those claims */
                                evidence: number;
                                /** @description votes on those claims, every round */
                                votes: number;
                                /** @description comments on those claims */
                                comments: number;
                                /** @description published fact-checks among them (their public pages answer 404 afterwards) */
                                published: number;
                                /** @description versions of the text, the current one included */
                                versions: number;
                                /** @description evidence entries of other documents' claims whose source is this document: kept, with their excerpt */
                                citedBy: number;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The limits an upload is checked against, so a client can refuse a file before sending it. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            limits: {
                                /** @description largest file an upload (import or new version) may send, in bytes */
                                maxUploadBytes: number;
                                /** @description longest text a document may have once extracted, in characters */
                                maxDocumentChars: number;
                                /** @description most pages a PDF may have */
                                maxPdfPages: number;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claims: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                documentId: string;
                                anchor: {
                                    start: number;
                                    end: number;
                                    exact: string;
                                    prefix: string;
                                    suffix: string;
                                    version: number;
                                };
                                /** @enum {string} */
                                status: "open" | "in_review" | "verified" | "rejected";
                                confidence: number | null;
                                note: string;
                                tags: string[];
                                createdBy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                /** @description ISO 8601 time */
                                createdAt: string;
                                /** @description ISO 8601 time */
                                updatedAt: string;
                                evidence: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "url" | "quote" | "document";
                                    /** @enum {string} */
                                    stance: "supports" | "refutes" | "context";
                                    url: string | null;
                                    title: string | null;
                                    excerpt: string | null;
                                    documentId: string | null;
                                    anchor: {
                                        start: number;
                                        end: number;
                                        exact: string;
                                        prefix: string;
                                        suffix: string;
                                        /** @description the document version whose text the offsets count in */
                                        version?: number;
                                    } | null;
                                    addedBy: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    /** @description ISO 8601 time */
                                    addedAt: string;
                                }[];
                                votes: {
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    };
                                    /** @enum {string} */
                                    verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                    confidence: number | null;
                                    note: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                    round: number;
                                    wording: string | null;
                                    afterReveal: boolean;
                                    revised: {
                                        /** @enum {string} */
                                        verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                        reason: string;
                                        /** @description ISO 8601 time */
                                        at: string;
                                    } | null;
                                }[];
                                revealed: boolean;
                                tally: {
                                    count: number;
                                    byVerdict: {
                                        [key: string]: number;
                                    };
                                    consensus: ("accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable") | null;
                                    agreement: number | null;
                                };
                                round: number;
                                earlierVotes: {
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    };
                                    /** @enum {string} */
                                    verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                    confidence: number | null;
                                    note: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                    round: number;
                                    wording: string | null;
                                    afterReveal: boolean;
                                    revised: {
                                        /** @enum {string} */
                                        verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                        reason: string;
                                        /** @description ISO 8601 time */
                                        at: string;
                                    } | null;
                                }[];
                                statusReason: string | null;
                                signOff: {
                                    rationale: string | null;
                                    rating: ("accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable") | null;
                                    by: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    at: string | null;
                                    override: string[];
                                } | null;
                                publication: {
                                    url: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                } | null;
                                comments: {
                                    /** Format: uuid */
                                    id: string;
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    body: string;
                                    replyTo: string | null;
                                    /** @description ISO 8601 time */
                                    at: string;
                                }[];
                                review: {
                                    /** @enum {string} */
                                    reason: "not_found" | "low_score" | "ambiguous";
                                    fromVersion: number;
                                    old: {
                                        start: number;
                                        end: number;
                                        exact: string;
                                        prefix: string;
                                        suffix: string;
                                        /** @description the document version whose text the offsets count in */
                                        version?: number;
                                    };
                                    candidate: {
                                        anchor: {
                                            start: number;
                                            end: number;
                                            exact: string;
                                            prefix: string;
                                            suffix: string;
                                            /** @description the document version whose text the offsets count in */
                                            version?: number;
                                        };
                                        score: number;
                                    } | null;
                                } | null;
                            }[];
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        start?: number;
                        end?: number;
                        exact?: string;
                        prefix?: string;
                        suffix?: string;
                        confidence?: number | null;
                        note?: string;
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                documentId: string;
                                anchor: {
                                    start: number;
                                    end: number;
                                    exact: string;
                                    prefix: string;
                                    suffix: string;
                                    version: number;
                                };
                                /** @enum {string} */
                                status: "open" | "in_review" | "verified" | "rejected";
                                confidence: number | null;
                                note: string;
                                tags: string[];
                                createdBy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                /** @description ISO 8601 time */
                                createdAt: string;
                                /** @description ISO 8601 time */
                                updatedAt: string;
                                evidence: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "url" | "quote" | "document";
                                    /** @enum {string} */
                                    stance: "supports" | "refutes" | "context";
                                    url: string | null;
                                    title: string | null;
                                    excerpt: string | null;
                                    documentId: string | null;
                                    anchor: {
                                        start: number;
                                        end: number;
                                        exact: string;
                                        prefix: string;
                                        suffix: string;
                                        /** @description the document version whose text the offsets count in */
                                        version?: number;
                                    } | null;
                                    addedBy: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    /** @description ISO 8601 time */
                                    addedAt: string;
                                }[];
                                votes: {
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    };
                                    /** @enum {string} */
                                    verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                    confidence: number | null;
                                    note: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                    round: number;
                                    wording: string | null;
                                    afterReveal: boolean;
                                    revised: {
                                        /** @enum {string} */
                                        verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                        reason: string;
                                        /** @description ISO 8601 time */
                                        at: string;
                                    } | null;
                                }[];
                                revealed: boolean;
                                tally: {
                                    count: number;
                                    byVerdict: {
                                        [key: string]: number;
                                    };
                                    consensus: ("accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable") | null;
                                    agreement: number | null;
                                };
                                round: number;
                                earlierVotes: {
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    };
                                    /** @enum {string} */
                                    verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                    confidence: number | null;
                                    note: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                    round: number;
                                    wording: string | null;
                                    afterReveal: boolean;
                                    revised: {
                                        /** @enum {string} */
                                        verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                        reason: string;
                                        /** @description ISO 8601 time */
                                        at: string;
                                    } | null;
                                }[];
                                statusReason: string | null;
                                signOff: {
                                    rationale: string | null;
                                    rating: ("accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable") | null;
                                    by: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    at: string | null;
                                    override: string[];
                                } | null;
                                publication: {
                                    url: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                } | null;
                                comments: {
                                    /** Format: uuid */
                                    id: string;
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    body: string;
                                    replyTo: string | null;
                                    /** @description ISO 8601 time */
                                    at: string;
                                }[];
                                review: {
                                    /** @enum {string} */
                                    reason: "not_found" | "low_score" | "ambiguous";
                                    fromVersion: number;
                                    old: {
                                        start: number;
                                        end: number;
                                        exact: string;
                                        prefix: string;
                                        suffix: string;
                                        /** @description the document version whose text the offsets count in */
                                        version?: number;
                                    };
                                    candidate: {
                                        anchor: {
                                            start: number;
                                            end: number;
                                            exact: string;
                                            prefix: string;
                                            suffix: string;
                                            /** @description the document version whose text the offsets count in */
                                            version?: number;
                                        };
                                        score: number;
                                    } | null;
                                } | null;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Understood but cannot be done (an anchor that is not in the text, an unreadable file, work past the time limit `too_complex`, a change through the live document that the database refused `save_refused`). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                documentId: string;
                                anchor: {
                                    start: number;
                                    end: number;
                                    exact: string;
                                    prefix: string;
                                    suffix: string;
                                    version: number;
                                };
                                /** @enum {string} */
                                status: "open" | "in_review" | "verified" | "rejected";
                                confidence: number | null;
                                note: string;
                                tags: string[];
                                createdBy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                /** @description ISO 8601 time */
                                createdAt: string;
                                /** @description ISO 8601 time */
                                updatedAt: string;
                                evidence: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "url" | "quote" | "document";
                                    /** @enum {string} */
                                    stance: "supports" | "refutes" | "context";
                                    url: string | null;
                                    title: string | null;
                                    excerpt: string | null;
                                    documentId: string | null;
                                    anchor: {
                                        start: number;
                                        end: number;
                                        exact: string;
                                        prefix: string;
                                        suffix: string;
                                        /** @description the document version whose text the offsets count in */
                                        version?: number;
                                    } | null;
                                    addedBy: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    /** @description ISO 8601 time */
                                    addedAt: string;
                                }[];
                                votes: {
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    };
                                    /** @enum {string} */
                                    verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                    confidence: number | null;
                                    note: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                    round: number;
                                    wording: string | null;
                                    afterReveal: boolean;
                                    revised: {
                                        /** @enum {string} */
                                        verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                        reason: string;
                                        /** @description ISO 8601 time */
                                        at: string;
                                    } | null;
                                }[];
                                revealed: boolean;
                                tally: {
                                    count: number;
                                    byVerdict: {
                                        [key: string]: number;
                                    };
                                    consensus: ("accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable") | null;
                                    agreement: number | null;
                                };
                                round: number;
                                earlierVotes: {
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    };
                                    /** @enum {string} */
                                    verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                    confidence: number | null;
                                    note: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                    round: number;
                                    wording: string | null;
                                    afterReveal: boolean;
                                    revised: {
                                        /** @enum {string} */
                                        verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                        reason: string;
                                        /** @description ISO 8601 time */
                                        at: string;
                                    } | null;
                                }[];
                                statusReason: string | null;
                                signOff: {
                                    rationale: string | null;
                                    rating: ("accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable") | null;
                                    by: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    at: string | null;
                                    override: string[];
                                } | null;
                                publication: {
                                    url: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                } | null;
                                comments: {
                                    /** Format: uuid */
                                    id: string;
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    body: string;
                                    replyTo: string | null;
                                    /** @description ISO 8601 time */
                                    at: string;
                                }[];
                                review: {
                                    /** @enum {string} */
                                    reason: "not_found" | "low_score" | "ambiguous";
                                    fromVersion: number;
                                    old: {
                                        start: number;
                                        end: number;
                                        exact: string;
                                        prefix: string;
                                        suffix: string;
                                        /** @description the document version whose text the offsets count in */
                                        version?: number;
                                    };
                                    candidate: {
                                        anchor: {
                                            start: number;
                                            end: number;
                                            exact: string;
                                            prefix: string;
                                            suffix: string;
                                            /** @description the document version whose text the offsets count in */
                                            version?: number;
                                        };
                                        score: number;
                                    } | null;
                                } | null;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with the current state (a signed-off claim, a duplicate, a confirmation to give). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Understood but cannot be done (an anchor that is not in the text, an unreadable file, work past the time limit `too_complex`, a change through the live document that the database refused `save_refused`). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        confidence?: number | null;
                        note?: string;
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                documentId: string;
                                anchor: {
                                    start: number;
                                    end: number;
                                    exact: string;
                                    prefix: string;
                                    suffix: string;
                                    version: number;
                                };
                                /** @enum {string} */
                                status: "open" | "in_review" | "verified" | "rejected";
                                confidence: number | null;
                                note: string;
                                tags: string[];
                                createdBy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                /** @description ISO 8601 time */
                                createdAt: string;
                                /** @description ISO 8601 time */
                                updatedAt: string;
                                evidence: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "url" | "quote" | "document";
                                    /** @enum {string} */
                                    stance: "supports" | "refutes" | "context";
                                    url: string | null;
                                    title: string | null;
                                    excerpt: string | null;
                                    documentId: string | null;
                                    anchor: {
                                        start: number;
                                        end: number;
                                        exact: string;
                                        prefix: string;
                                        suffix: string;
                                        /** @description the document version whose text the offsets count in */
                                        version?: number;
                                    } | null;
                                    addedBy: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    /** @description ISO 8601 time */
                                    addedAt: string;
                                }[];
                                votes: {
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    };
                                    /** @enum {string} */
                                    verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                    confidence: number | null;
                                    note: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                    round: number;
                                    wording: string | null;
                                    afterReveal: boolean;
                                    revised: {
                                        /** @enum {string} */
                                        verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                        reason: string;
                                        /** @description ISO 8601 time */
                                        at: string;
                                    } | null;
                                }[];
                                revealed: boolean;
                                tally: {
                                    count: number;
                                    byVerdict: {
                                        [key: string]: number;
                                    };
                                    consensus: ("accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable") | null;
                                    agreement: number | null;
                                };
                                round: number;
                                earlierVotes: {
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    };
                                    /** @enum {string} */
                                    verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                    confidence: number | null;
                                    note: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                    round: number;
                                    wording: string | null;
                                    afterReveal: boolean;
                                    revised: {
                                        /** @enum {string} */
                                        verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                        reason: string;
                                        /** @description ISO 8601 time */
                                        at: string;
                                    } | null;
                                }[];
                                statusReason: string | null;
                                signOff: {
                                    rationale: string | null;
                                    rating: ("accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable") | null;
                                    by: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    at: string | null;
                                    override: string[];
                                } | null;
                                publication: {
                                    url: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                } | null;
                                comments: {
                                    /** Format: uuid */
                                    id: string;
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    body: string;
                                    replyTo: string | null;
                                    /** @description ISO 8601 time */
                                    at: string;
                                }[];
                                review: {
                                    /** @enum {string} */
                                    reason: "not_found" | "low_score" | "ambiguous";
                                    fromVersion: number;
                                    old: {
                                        start: number;
                                        end: number;
                                        exact: string;
                                        prefix: string;
                                        suffix: string;
                                        /** @description the document version whose text the offsets count in */
                                        version?: number;
                                    };
                                    candidate: {
                                        anchor: {
                                            start: number;
                                            end: number;
                                            exact: string;
                                            prefix: string;
                                            suffix: string;
                                            /** @description the document version whose text the offsets count in */
                                            version?: number;
                                        };
                                        score: number;
                                    } | null;
                                } | null;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with the current state (a signed-off claim, a duplicate, a confirmation to give). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Understood but cannot be done (an anchor that is not in the text, an unreadable file, work past the time limit `too_complex`, a change through the live document that the database refused `save_refused`). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/claims/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "url" | "quote" | "document";
                        /** @enum {string} */
                        stance: "supports" | "refutes" | "context";
                        /** Format: uri */
                        url?: string;
                        title?: string;
                        excerpt?: string;
                        /** Format: uuid */
                        documentId?: string;
                        start?: number;
                        end?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            evidence: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "url" | "quote" | "document";
                                /** @enum {string} */
                                stance: "supports" | "refutes" | "context";
                                url: string | null;
                                title: string | null;
                                excerpt: string | null;
                                documentId: string | null;
                                anchor: {
                                    start: number;
                                    end: number;
                                    exact: string;
                                    prefix: string;
                                    suffix: string;
                                    /** @description the document version whose text the offsets count in */
                                    version?: number;
                                } | null;
                                addedBy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                /** @description ISO 8601 time */
                                addedAt: string;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with the current state (a signed-off claim, a duplicate, a confirmation to give). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Understood but cannot be done (an anchor that is not in the text, an unreadable file, work past the time limit `too_complex`, a change through the live document that the database refused `save_refused`). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description comma-separated actions, e.g. status_changed,vote_changed */
                    kinds?: string;
                    /** @description true: only the entries that stand out (status, votes, reveal, re-anchoring, undone writes) */
                    important?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: {
                                id: number;
                                /** @description when the entry began (a folded run of edits: its first edit) */
                                at: string;
                                user: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                action: string;
                                important: boolean;
                                offline: boolean;
                                field: string | null;
                                from: unknown;
                                to: unknown;
                                reason: string | null;
                            }[];
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/claim-anchors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            anchors: {
                                /** Format: uuid */
                                id: string;
                                start: number;
                                end: number;
                                version: number;
                                /** @enum {string} */
                                status: "open" | "in_review" | "verified" | "rejected";
                                review: boolean;
                            }[];
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/vote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                        confidence?: number | null;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            vote: {
                                user: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                /** @enum {string} */
                                verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                confidence: number | null;
                                note: string;
                                /** @description ISO 8601 time */
                                at: string;
                                round: number;
                                wording: string | null;
                                afterReveal: boolean;
                                revised: {
                                    /** @enum {string} */
                                    verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                    reason: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                } | null;
                            };
                            tally: {
                                count: number;
                                byVerdict: {
                                    [key: string]: number;
                                };
                                consensus: ("accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable") | null;
                                agreement: number | null;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with the current state (a signed-off claim, a duplicate, a confirmation to give). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Understood but cannot be done (an anchor that is not in the text, an unreadable file, work past the time limit `too_complex`, a change through the live document that the database refused `save_refused`). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/vote/revision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            vote: {
                                user: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                /** @enum {string} */
                                verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                confidence: number | null;
                                note: string;
                                /** @description ISO 8601 time */
                                at: string;
                                round: number;
                                wording: string | null;
                                afterReveal: boolean;
                                revised: {
                                    /** @enum {string} */
                                    verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                    reason: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                } | null;
                            };
                            tally: {
                                count: number;
                                byVerdict: {
                                    [key: string]: number;
                                };
                                consensus: ("accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable") | null;
                                agreement: number | null;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with the current state (a signed-off claim, a duplicate, a confirmation to give). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Understood but cannot be done (an anchor that is not in the text, an unreadable file, work past the time limit `too_complex`, a change through the live document that the database refused `save_refused`). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Optional JSON body `{confirm: true}`: needed to reveal below the quorum (otherwise 409 confirmation_required with `details: {count, quorum}`). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        confirm?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                documentId: string;
                                anchor: {
                                    start: number;
                                    end: number;
                                    exact: string;
                                    prefix: string;
                                    suffix: string;
                                    version: number;
                                };
                                /** @enum {string} */
                                status: "open" | "in_review" | "verified" | "rejected";
                                confidence: number | null;
                                note: string;
                                tags: string[];
                                createdBy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                /** @description ISO 8601 time */
                                createdAt: string;
                                /** @description ISO 8601 time */
                                updatedAt: string;
                                evidence: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "url" | "quote" | "document";
                                    /** @enum {string} */
                                    stance: "supports" | "refutes" | "context";
                                    url: string | null;
                                    title: string | null;
                                    excerpt: string | null;
                                    documentId: string | null;
                                    anchor: {
                                        start: number;
                                        end: number;
                                        exact: string;
                                        prefix: string;
                                        suffix: string;
                                        /** @description the document version whose text the offsets count in */
                                        version?: number;
                                    } | null;
                                    addedBy: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    /** @description ISO 8601 time */
                                    addedAt: string;
                                }[];
                                votes: {
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    };
                                    /** @enum {string} */
                                    verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                    confidence: number | null;
                                    note: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                    round: number;
                                    wording: string | null;
                                    afterReveal: boolean;
                                    revised: {
                                        /** @enum {string} */
                                        verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                        reason: string;
                                        /** @description ISO 8601 time */
                                        at: string;
                                    } | null;
                                }[];
                                revealed: boolean;
                                tally: {
                                    count: number;
                                    byVerdict: {
                                        [key: string]: number;
                                    };
                                    consensus: ("accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable") | null;
                                    agreement: number | null;
                                };
                                round: number;
                                earlierVotes: {
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    };
                                    /** @enum {string} */
                                    verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                    confidence: number | null;
                                    note: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                    round: number;
                                    wording: string | null;
                                    afterReveal: boolean;
                                    revised: {
                                        /** @enum {string} */
                                        verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                        reason: string;
                                        /** @description ISO 8601 time */
                                        at: string;
                                    } | null;
                                }[];
                                statusReason: string | null;
                                signOff: {
                                    rationale: string | null;
                                    rating: ("accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable") | null;
                                    by: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    at: string | null;
                                    override: string[];
                                } | null;
                                publication: {
                                    url: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                } | null;
                                comments: {
                                    /** Format: uuid */
                                    id: string;
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    body: string;
                                    replyTo: string | null;
                                    /** @description ISO 8601 time */
                                    at: string;
                                }[];
                                review: {
                                    /** @enum {string} */
                                    reason: "not_found" | "low_score" | "ambiguous";
                                    fromVersion: number;
                                    old: {
                                        start: number;
                                        end: number;
                                        exact: string;
                                        prefix: string;
                                        suffix: string;
                                        /** @description the document version whose text the offsets count in */
                                        version?: number;
                                    };
                                    candidate: {
                                        anchor: {
                                            start: number;
                                            end: number;
                                            exact: string;
                                            prefix: string;
                                            suffix: string;
                                            /** @description the document version whose text the offsets count in */
                                            version?: number;
                                        };
                                        score: number;
                                    } | null;
                                } | null;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with the current state (a signed-off claim, a duplicate, a confirmation to give). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Understood but cannot be done (an anchor that is not in the text, an unreadable file, work past the time limit `too_complex`, a change through the live document that the database refused `save_refused`). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "open" | "in_review" | "verified" | "rejected";
                        confirm?: boolean;
                        rationale?: string;
                        reason?: string;
                        /** @enum {string} */
                        rating?: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                documentId: string;
                                anchor: {
                                    start: number;
                                    end: number;
                                    exact: string;
                                    prefix: string;
                                    suffix: string;
                                    version: number;
                                };
                                /** @enum {string} */
                                status: "open" | "in_review" | "verified" | "rejected";
                                confidence: number | null;
                                note: string;
                                tags: string[];
                                createdBy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                /** @description ISO 8601 time */
                                createdAt: string;
                                /** @description ISO 8601 time */
                                updatedAt: string;
                                evidence: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "url" | "quote" | "document";
                                    /** @enum {string} */
                                    stance: "supports" | "refutes" | "context";
                                    url: string | null;
                                    title: string | null;
                                    excerpt: string | null;
                                    documentId: string | null;
                                    anchor: {
                                        start: number;
                                        end: number;
                                        exact: string;
                                        prefix: string;
                                        suffix: string;
                                        /** @description the document version whose text the offsets count in */
                                        version?: number;
                                    } | null;
                                    addedBy: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    /** @description ISO 8601 time */
                                    addedAt: string;
                                }[];
                                votes: {
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    };
                                    /** @enum {string} */
                                    verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                    confidence: number | null;
                                    note: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                    round: number;
                                    wording: string | null;
                                    afterReveal: boolean;
                                    revised: {
                                        /** @enum {string} */
                                        verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                        reason: string;
                                        /** @description ISO 8601 time */
                                        at: string;
                                    } | null;
                                }[];
                                revealed: boolean;
                                tally: {
                                    count: number;
                                    byVerdict: {
                                        [key: string]: number;
                                    };
                                    consensus: ("accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable") | null;
                                    agreement: number | null;
                                };
                                round: number;
                                earlierVotes: {
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    };
                                    /** @enum {string} */
                                    verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                    confidence: number | null;
                                    note: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                    round: number;
                                    wording: string | null;
                                    afterReveal: boolean;
                                    revised: {
                                        /** @enum {string} */
                                        verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                        reason: string;
                                        /** @description ISO 8601 time */
                                        at: string;
                                    } | null;
                                }[];
                                statusReason: string | null;
                                signOff: {
                                    rationale: string | null;
                                    rating: ("accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable") | null;
                                    by: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    at: string | null;
                                    override: string[];
                                } | null;
                                publication: {
                                    url: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                } | null;
                                comments: {
                                    /** Format: uuid */
                                    id: string;
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    body: string;
                                    replyTo: string | null;
                                    /** @description ISO 8601 time */
                                    at: string;
                                }[];
                                review: {
                                    /** @enum {string} */
                                    reason: "not_found" | "low_score" | "ambiguous";
                                    fromVersion: number;
                                    old: {
                                        start: number;
                                        end: number;
                                        exact: string;
                                        prefix: string;
                                        suffix: string;
                                        /** @description the document version whose text the offsets count in */
                                        version?: number;
                                    };
                                    candidate: {
                                        anchor: {
                                            start: number;
                                            end: number;
                                            exact: string;
                                            prefix: string;
                                            suffix: string;
                                            /** @description the document version whose text the offsets count in */
                                            version?: number;
                                        };
                                        score: number;
                                    } | null;
                                } | null;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with the current state (a signed-off claim, a duplicate, a confirmation to give). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Understood but cannot be done (an anchor that is not in the text, an unreadable file, work past the time limit `too_complex`, a change through the live document that the database refused `save_refused`). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                        replyTo?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            comment: {
                                /** Format: uuid */
                                id: string;
                                user: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                body: string;
                                replyTo: string | null;
                                /** @description ISO 8601 time */
                                at: string;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Understood but cannot be done (an anchor that is not in the text, an unreadable file, work past the time limit `too_complex`, a change through the live document that the database refused `save_refused`). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{wid}/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Snippets mark matched words with « and » (plain text, never HTML). */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    status?: "open" | "in_review" | "verified" | "rejected";
                    verdict?: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                    minConfidence?: number;
                    limit?: number;
                };
                header?: never;
                path: {
                    wid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                claim: {
                                    /** Format: uuid */
                                    id: string;
                                    /** Format: uuid */
                                    documentId: string;
                                    anchor: {
                                        start: number;
                                        end: number;
                                        exact: string;
                                        prefix: string;
                                        suffix: string;
                                        version: number;
                                    };
                                    /** @enum {string} */
                                    status: "open" | "in_review" | "verified" | "rejected";
                                    confidence: number | null;
                                    note: string;
                                    tags: string[];
                                    createdBy: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    /** @description ISO 8601 time */
                                    createdAt: string;
                                    /** @description ISO 8601 time */
                                    updatedAt: string;
                                    evidence: {
                                        /** Format: uuid */
                                        id: string;
                                        /** @enum {string} */
                                        kind: "url" | "quote" | "document";
                                        /** @enum {string} */
                                        stance: "supports" | "refutes" | "context";
                                        url: string | null;
                                        title: string | null;
                                        excerpt: string | null;
                                        documentId: string | null;
                                        anchor: {
                                            start: number;
                                            end: number;
                                            exact: string;
                                            prefix: string;
                                            suffix: string;
                                            /** @description the document version whose text the offsets count in */
                                            version?: number;
                                        } | null;
                                        addedBy: {
                                            /** Format: uuid */
                                            id: string;
                                            name: string;
                                        } | null;
                                        /** @description ISO 8601 time */
                                        addedAt: string;
                                    }[];
                                    votes: {
                                        user: {
                                            /** Format: uuid */
                                            id: string;
                                            name: string;
                                        };
                                        /** @enum {string} */
                                        verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                        confidence: number | null;
                                        note: string;
                                        /** @description ISO 8601 time */
                                        at: string;
                                        round: number;
                                        wording: string | null;
                                        afterReveal: boolean;
                                        revised: {
                                            /** @enum {string} */
                                            verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                            reason: string;
                                            /** @description ISO 8601 time */
                                            at: string;
                                        } | null;
                                    }[];
                                    revealed: boolean;
                                    tally: {
                                        count: number;
                                        byVerdict: {
                                            [key: string]: number;
                                        };
                                        consensus: ("accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable") | null;
                                        agreement: number | null;
                                    };
                                    round: number;
                                    earlierVotes: {
                                        user: {
                                            /** Format: uuid */
                                            id: string;
                                            name: string;
                                        };
                                        /** @enum {string} */
                                        verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                        confidence: number | null;
                                        note: string;
                                        /** @description ISO 8601 time */
                                        at: string;
                                        round: number;
                                        wording: string | null;
                                        afterReveal: boolean;
                                        revised: {
                                            /** @enum {string} */
                                            verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                            reason: string;
                                            /** @description ISO 8601 time */
                                            at: string;
                                        } | null;
                                    }[];
                                    statusReason: string | null;
                                    signOff: {
                                        rationale: string | null;
                                        rating: ("accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable") | null;
                                        by: {
                                            /** Format: uuid */
                                            id: string;
                                            name: string;
                                        } | null;
                                        at: string | null;
                                        override: string[];
                                    } | null;
                                    publication: {
                                        url: string;
                                        /** @description ISO 8601 time */
                                        at: string;
                                    } | null;
                                    comments: {
                                        /** Format: uuid */
                                        id: string;
                                        user: {
                                            /** Format: uuid */
                                            id: string;
                                            name: string;
                                        } | null;
                                        body: string;
                                        replyTo: string | null;
                                        /** @description ISO 8601 time */
                                        at: string;
                                    }[];
                                    review: {
                                        /** @enum {string} */
                                        reason: "not_found" | "low_score" | "ambiguous";
                                        fromVersion: number;
                                        old: {
                                            start: number;
                                            end: number;
                                            exact: string;
                                            prefix: string;
                                            suffix: string;
                                            /** @description the document version whose text the offsets count in */
                                            version?: number;
                                        };
                                        candidate: {
                                            anchor: {
                                                start: number;
                                                end: number;
                                                exact: string;
                                                prefix: string;
                                                suffix: string;
                                                /** @description the document version whose text the offsets count in */
                                                version?: number;
                                            };
                                            score: number;
                                        } | null;
                                    } | null;
                                };
                                document: {
                                    /** Format: uuid */
                                    id: string;
                                    title: string;
                                };
                                snippet: string;
                            }[];
                            /** @description Documents of the workspace whose title or text matches q (the first 240,000 characters of a text are searchable), best first; empty without q. */
                            documents: {
                                document: {
                                    /** Format: uuid */
                                    id: string;
                                    title: string;
                                };
                                snippet: string;
                            }[];
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{wid}/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    wid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claims: number;
                            byStatus: {
                                [key: string]: number;
                            };
                            verdicts: {
                                [key: string]: number;
                            };
                            agreement: {
                                alpha: number | null;
                                pairable: number;
                                units: number;
                                enough: boolean;
                                minimum: {
                                    units: number;
                                    pairable: number;
                                };
                            };
                            quorum: number;
                            waitingForVotes: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                documentId: string;
                                documentTitle: string;
                                exact: string;
                                /** @enum {string} */
                                status: "open" | "in_review" | "verified" | "rejected";
                                votes: number;
                            }[];
                            waitingForSignOff: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                documentId: string;
                                documentTitle: string;
                                exact: string;
                                /** @enum {string} */
                                status: "open" | "in_review" | "verified" | "rejected";
                                votes: number;
                            }[];
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claims: number;
                            byStatus: {
                                [key: string]: number;
                            };
                            verdicts: {
                                [key: string]: number;
                            };
                            agreement: {
                                alpha: number | null;
                                pairable: number;
                                units: number;
                                enough: boolean;
                                minimum: {
                                    units: number;
                                    pairable: number;
                                };
                            };
                            quorum: number;
                            waitingForVotes: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                documentId: string;
                                documentTitle: string;
                                exact: string;
                                /** @enum {string} */
                                status: "open" | "in_review" | "verified" | "rejected";
                                votes: number;
                            }[];
                            waitingForSignOff: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                documentId: string;
                                documentTitle: string;
                                exact: string;
                                /** @enum {string} */
                                status: "open" | "in_review" | "verified" | "rejected";
                                votes: number;
                            }[];
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{wid}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Streams claimreview (JSON-LD), annotations (W3C Web Annotation), csv or markdown. */
        get: {
            parameters: {
                query: {
                    format: "claimreview" | "annotations" | "csv" | "markdown";
                    status?: ("open" | "in_review" | "verified" | "rejected") | "any";
                    minConfidence?: number;
                    documentId?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    wid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The export, as an attachment (Content-Disposition) counting its claims in X-Export-Count. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/ld+json": ({
                            "@context": unknown;
                            /** @enum {string} */
                            "@type": "ClaimReview";
                        } & {
                            [key: string]: unknown;
                        })[] | ({
                            "@context": unknown;
                            id: string;
                            /** @enum {string} */
                            type: "AnnotationCollection";
                            total: number;
                        } & {
                            [key: string]: unknown;
                        });
                        "text/csv": string;
                        "text/markdown": string;
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{wid}/export/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    status?: ("open" | "in_review" | "verified" | "rejected") | "any";
                    minConfidence?: number;
                    documentId?: string;
                    format?: "claimreview" | "annotations" | "csv" | "markdown";
                };
                header?: never;
                path: {
                    wid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claims: number;
                            documents: number;
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claims: {
                                start: number;
                                end: number;
                                exact: string;
                                score: number;
                                reasons: string[];
                            }[];
                            citations: {
                                marker: {
                                    start: number;
                                    end: number;
                                    label: string;
                                };
                                footnote: {
                                    start: number;
                                    end: number;
                                    text: string;
                                };
                            }[];
                            evidence: {
                                /** Format: uuid */
                                claimId: string;
                                citation: {
                                    marker: {
                                        start: number;
                                        end: number;
                                        label: string;
                                    };
                                    footnote: {
                                        start: number;
                                        end: number;
                                        text: string;
                                    };
                                };
                            }[];
                            /** @description sentences the scorer suggests that someone dismissed in this document, left out of `claims` */
                            dismissed: {
                                start: number;
                                end: number;
                                exact: string;
                                score: number;
                                reasons: string[];
                                dismissal: {
                                    /** @description the SHA-256 of the sentence (UTF-8, hex) */
                                    key: string;
                                    exact: string;
                                    dismissedBy: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    dismissedAt: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Understood but cannot be done (an anchor that is not in the text, an unreadable file, work past the time limit `too_complex`, a change through the live document that the database refused `save_refused`). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/suggestions/dismissals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dismissals: {
                                /** @description the SHA-256 of the sentence (UTF-8, hex) */
                                key: string;
                                exact: string;
                                dismissedBy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                dismissedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        exact: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dismissal: {
                                /** @description the SHA-256 of the sentence (UTF-8, hex) */
                                key: string;
                                exact: string;
                                dismissedBy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                dismissedAt: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dismissal: {
                                /** @description the SHA-256 of the sentence (UTF-8, hex) */
                                key: string;
                                exact: string;
                                dismissedBy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                dismissedAt: string;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with the current state (a signed-off claim, a duplicate, a confirmation to give). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Understood but cannot be done (an anchor that is not in the text, an unreadable file, work past the time limit `too_complex`, a change through the live document that the database refused `save_refused`). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/suggestions/dismissals/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            matches: components["schemas"]["ClaimMatch"][];
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        otherClaimId: string;
                        /** @enum {string} */
                        decision: "confirmed" | "rejected";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            match: components["schemas"]["ClaimMatch"];
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Understood but cannot be done (an anchor that is not in the text, an unreadable file, work past the time limit `too_complex`, a change through the live document that the database refused `save_refused`). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/matches/{otherClaimId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    otherClaimId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done; no content. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/claim-matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description only the claims that have a match */
                            claims: {
                                /** Format: uuid */
                                claimId: string;
                                /** @description matches proposed by the rule and not yet decided */
                                likely: number;
                                /** @description matches a person confirmed as the same claim */
                                same: number;
                            }[];
                            /** @description true when the document has more claims than are looked up (the first 1,000 by position) */
                            truncated: boolean;
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/suggestion-matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query: {
                    /** @description comma-separated start-end character ranges of the document's text (at most 200) */
                    spans: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            passages: {
                                start: number;
                                end: number;
                                matches: components["schemas"]["ClaimMatch"][];
                            }[];
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Understood but cannot be done (an anchor that is not in the text, an unreadable file, work past the time limit `too_complex`, a change through the live document that the database refused `save_refused`). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/annotations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": unknown;
                    "application/ld+json": unknown;
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: {
                                /** Format: uuid */
                                id: string;
                                anchor: {
                                    start: number;
                                    end: number;
                                    exact: string;
                                    prefix: string;
                                    suffix: string;
                                };
                                method: string;
                            }[];
                            skipped: {
                                index: number;
                                reason: string;
                            }[];
                            notKept: {
                                index: number;
                                /** @enum {string} */
                                field: "status" | "verdict";
                                /** @enum {string} */
                                reason: "insufficient_role";
                                role: string;
                            }[];
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Understood but cannot be done (an anchor that is not in the text, an unreadable file, work past the time limit `too_complex`, a change through the live document that the database refused `save_refused`). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Every version of the text, oldest first, the current one last: who uploaded it and when. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            versions: {
                                version: number;
                                current: boolean;
                                /** @enum {string} */
                                format: "text" | "markdown" | "html" | "pdf" | "docx";
                                contentHash: string;
                                /** @description who uploaded this version (version 1: who imported the document); null once their account is gone */
                                uploadedBy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                /** @description ISO 8601 time */
                                uploadedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** @description JSON `{text, format?}` or a multipart `file`, as for an import. Claims are re-anchored; those below the threshold are flagged for review. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                        /**
                         * @default text
                         * @enum {string}
                         */
                        format?: "text" | "markdown" | "html";
                    };
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description the new text: .txt, .md, .html, .pdf or .docx
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            document: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                workspaceId: string;
                                title: string;
                                sourceUrl: string | null;
                                authors: string[];
                                sourcePublishedOn: string | null;
                                /** @enum {string} */
                                format: "text" | "markdown" | "html" | "pdf" | "docx";
                                text: string;
                                contentHash: string;
                                version: number;
                                /** @description ISO 8601 time */
                                createdAt: string;
                            };
                            reanchored: {
                                /** Format: uuid */
                                claimId: string;
                                method: string;
                                score: number;
                            }[];
                            needsReview: {
                                /** Format: uuid */
                                claimId: string;
                                review: {
                                    reason: string;
                                    fromVersion: number;
                                    old: {
                                        start: number;
                                        end: number;
                                        exact: string;
                                        prefix: string;
                                        suffix: string;
                                        /** @description the document version whose text the offsets count in */
                                        version?: number;
                                    };
                                    candidate: {
                                        anchor: {
                                            start: number;
                                            end: number;
                                            exact: string;
                                            prefix: string;
                                            suffix: string;
                                            /** @description the document version whose text the offsets count in */
                                            version?: number;
                                        };
                                        score: number;
                                    } | null;
                                };
                                oldPassage: string;
                                candidatePassage: string | null;
                            }[];
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with the current state (a signed-off claim, a duplicate, a confirmation to give). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Understood but cannot be done (an anchor that is not in the text, an unreadable file, work past the time limit `too_complex`, a change through the live document that the database refused `save_refused`). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The text of one version (an earlier one, or the current one). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    /** @description a version number: 1, 2, … */
                    version: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: {
                                version: number;
                                current: boolean;
                                /** @enum {string} */
                                format: "text" | "markdown" | "html" | "pdf" | "docx";
                                contentHash: string;
                                /** @description who uploaded this version (version 1: who imported the document); null once their account is gone */
                                uploadedBy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                /** @description ISO 8601 time */
                                uploadedAt: string;
                                text: string;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/anchor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Settles a claim flagged for review: its new passage in the current text (e.g. the candidate). Clears the review flag. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        start: number;
                        end: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                documentId: string;
                                anchor: {
                                    start: number;
                                    end: number;
                                    exact: string;
                                    prefix: string;
                                    suffix: string;
                                    version: number;
                                };
                                /** @enum {string} */
                                status: "open" | "in_review" | "verified" | "rejected";
                                confidence: number | null;
                                note: string;
                                tags: string[];
                                createdBy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                /** @description ISO 8601 time */
                                createdAt: string;
                                /** @description ISO 8601 time */
                                updatedAt: string;
                                evidence: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "url" | "quote" | "document";
                                    /** @enum {string} */
                                    stance: "supports" | "refutes" | "context";
                                    url: string | null;
                                    title: string | null;
                                    excerpt: string | null;
                                    documentId: string | null;
                                    anchor: {
                                        start: number;
                                        end: number;
                                        exact: string;
                                        prefix: string;
                                        suffix: string;
                                        /** @description the document version whose text the offsets count in */
                                        version?: number;
                                    } | null;
                                    addedBy: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    /** @description ISO 8601 time */
                                    addedAt: string;
                                }[];
                                votes: {
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    };
                                    /** @enum {string} */
                                    verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                    confidence: number | null;
                                    note: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                    round: number;
                                    wording: string | null;
                                    afterReveal: boolean;
                                    revised: {
                                        /** @enum {string} */
                                        verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                        reason: string;
                                        /** @description ISO 8601 time */
                                        at: string;
                                    } | null;
                                }[];
                                revealed: boolean;
                                tally: {
                                    count: number;
                                    byVerdict: {
                                        [key: string]: number;
                                    };
                                    consensus: ("accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable") | null;
                                    agreement: number | null;
                                };
                                round: number;
                                earlierVotes: {
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    };
                                    /** @enum {string} */
                                    verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                    confidence: number | null;
                                    note: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                    round: number;
                                    wording: string | null;
                                    afterReveal: boolean;
                                    revised: {
                                        /** @enum {string} */
                                        verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                        reason: string;
                                        /** @description ISO 8601 time */
                                        at: string;
                                    } | null;
                                }[];
                                statusReason: string | null;
                                signOff: {
                                    rationale: string | null;
                                    rating: ("accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable") | null;
                                    by: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    at: string | null;
                                    override: string[];
                                } | null;
                                publication: {
                                    url: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                } | null;
                                comments: {
                                    /** Format: uuid */
                                    id: string;
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    body: string;
                                    replyTo: string | null;
                                    /** @description ISO 8601 time */
                                    at: string;
                                }[];
                                review: {
                                    /** @enum {string} */
                                    reason: "not_found" | "low_score" | "ambiguous";
                                    fromVersion: number;
                                    old: {
                                        start: number;
                                        end: number;
                                        exact: string;
                                        prefix: string;
                                        suffix: string;
                                        /** @description the document version whose text the offsets count in */
                                        version?: number;
                                    };
                                    candidate: {
                                        anchor: {
                                            start: number;
                                            end: number;
                                            exact: string;
                                            prefix: string;
                                            suffix: string;
                                            /** @description the document version whose text the offsets count in */
                                            version?: number;
                                        };
                                        score: number;
                                    } | null;
                                } | null;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with the current state (a signed-off claim, a duplicate, a confirmation to give). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Understood but cannot be done (an anchor that is not in the text, an unreadable file, work past the time limit `too_complex`, a change through the live document that the database refused `save_refused`). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/claims/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                documentId: string;
                                anchor: {
                                    start: number;
                                    end: number;
                                    exact: string;
                                    prefix: string;
                                    suffix: string;
                                    version: number;
                                };
                                /** @enum {string} */
                                status: "open" | "in_review" | "verified" | "rejected";
                                confidence: number | null;
                                note: string;
                                tags: string[];
                                createdBy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                /** @description ISO 8601 time */
                                createdAt: string;
                                /** @description ISO 8601 time */
                                updatedAt: string;
                                evidence: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "url" | "quote" | "document";
                                    /** @enum {string} */
                                    stance: "supports" | "refutes" | "context";
                                    url: string | null;
                                    title: string | null;
                                    excerpt: string | null;
                                    documentId: string | null;
                                    anchor: {
                                        start: number;
                                        end: number;
                                        exact: string;
                                        prefix: string;
                                        suffix: string;
                                        /** @description the document version whose text the offsets count in */
                                        version?: number;
                                    } | null;
                                    addedBy: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    /** @description ISO 8601 time */
                                    addedAt: string;
                                }[];
                                votes: {
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    };
                                    /** @enum {string} */
                                    verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                    confidence: number | null;
                                    note: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                    round: number;
                                    wording: string | null;
                                    afterReveal: boolean;
                                    revised: {
                                        /** @enum {string} */
                                        verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                        reason: string;
                                        /** @description ISO 8601 time */
                                        at: string;
                                    } | null;
                                }[];
                                revealed: boolean;
                                tally: {
                                    count: number;
                                    byVerdict: {
                                        [key: string]: number;
                                    };
                                    consensus: ("accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable") | null;
                                    agreement: number | null;
                                };
                                round: number;
                                earlierVotes: {
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    };
                                    /** @enum {string} */
                                    verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                    confidence: number | null;
                                    note: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                    round: number;
                                    wording: string | null;
                                    afterReveal: boolean;
                                    revised: {
                                        /** @enum {string} */
                                        verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                        reason: string;
                                        /** @description ISO 8601 time */
                                        at: string;
                                    } | null;
                                }[];
                                statusReason: string | null;
                                signOff: {
                                    rationale: string | null;
                                    rating: ("accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable") | null;
                                    by: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    at: string | null;
                                    override: string[];
                                } | null;
                                publication: {
                                    url: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                } | null;
                                comments: {
                                    /** Format: uuid */
                                    id: string;
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    body: string;
                                    replyTo: string | null;
                                    /** @description ISO 8601 time */
                                    at: string;
                                }[];
                                review: {
                                    /** @enum {string} */
                                    reason: "not_found" | "low_score" | "ambiguous";
                                    fromVersion: number;
                                    old: {
                                        start: number;
                                        end: number;
                                        exact: string;
                                        prefix: string;
                                        suffix: string;
                                        /** @description the document version whose text the offsets count in */
                                        version?: number;
                                    };
                                    candidate: {
                                        anchor: {
                                            start: number;
                                            end: number;
                                            exact: string;
                                            prefix: string;
                                            suffix: string;
                                            /** @description the document version whose text the offsets count in */
                                            version?: number;
                                        };
                                        score: number;
                                    } | null;
                                } | null;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflicts with the current state (a signed-off claim, a duplicate, a confirmation to give). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                documentId: string;
                                anchor: {
                                    start: number;
                                    end: number;
                                    exact: string;
                                    prefix: string;
                                    suffix: string;
                                    version: number;
                                };
                                /** @enum {string} */
                                status: "open" | "in_review" | "verified" | "rejected";
                                confidence: number | null;
                                note: string;
                                tags: string[];
                                createdBy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                /** @description ISO 8601 time */
                                createdAt: string;
                                /** @description ISO 8601 time */
                                updatedAt: string;
                                evidence: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "url" | "quote" | "document";
                                    /** @enum {string} */
                                    stance: "supports" | "refutes" | "context";
                                    url: string | null;
                                    title: string | null;
                                    excerpt: string | null;
                                    documentId: string | null;
                                    anchor: {
                                        start: number;
                                        end: number;
                                        exact: string;
                                        prefix: string;
                                        suffix: string;
                                        /** @description the document version whose text the offsets count in */
                                        version?: number;
                                    } | null;
                                    addedBy: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    /** @description ISO 8601 time */
                                    addedAt: string;
                                }[];
                                votes: {
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    };
                                    /** @enum {string} */
                                    verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                    confidence: number | null;
                                    note: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                    round: number;
                                    wording: string | null;
                                    afterReveal: boolean;
                                    revised: {
                                        /** @enum {string} */
                                        verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                        reason: string;
                                        /** @description ISO 8601 time */
                                        at: string;
                                    } | null;
                                }[];
                                revealed: boolean;
                                tally: {
                                    count: number;
                                    byVerdict: {
                                        [key: string]: number;
                                    };
                                    consensus: ("accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable") | null;
                                    agreement: number | null;
                                };
                                round: number;
                                earlierVotes: {
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    };
                                    /** @enum {string} */
                                    verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                    confidence: number | null;
                                    note: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                    round: number;
                                    wording: string | null;
                                    afterReveal: boolean;
                                    revised: {
                                        /** @enum {string} */
                                        verdict: "accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable";
                                        reason: string;
                                        /** @description ISO 8601 time */
                                        at: string;
                                    } | null;
                                }[];
                                statusReason: string | null;
                                signOff: {
                                    rationale: string | null;
                                    rating: ("accurate" | "mostly_accurate" | "mixed" | "mostly_inaccurate" | "inaccurate" | "unverifiable") | null;
                                    by: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    at: string | null;
                                    override: string[];
                                } | null;
                                publication: {
                                    url: string;
                                    /** @description ISO 8601 time */
                                    at: string;
                                } | null;
                                comments: {
                                    /** Format: uuid */
                                    id: string;
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    body: string;
                                    replyTo: string | null;
                                    /** @description ISO 8601 time */
                                    at: string;
                                }[];
                                review: {
                                    /** @enum {string} */
                                    reason: "not_found" | "low_score" | "ambiguous";
                                    fromVersion: number;
                                    old: {
                                        start: number;
                                        end: number;
                                        exact: string;
                                        prefix: string;
                                        suffix: string;
                                        /** @description the document version whose text the offsets count in */
                                        version?: number;
                                    };
                                    candidate: {
                                        anchor: {
                                            start: number;
                                            end: number;
                                            exact: string;
                                            prefix: string;
                                            suffix: string;
                                            /** @description the document version whose text the offsets count in */
                                            version?: number;
                                        };
                                        score: number;
                                    } | null;
                                } | null;
                            };
                        };
                    };
                };
                /** @description Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the API token is unknown or revoked (`unauthorized`). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or not in one of your workspaces (the same answer, so ids never leak). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The request body or file is larger than the server accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body or file is of a type the route does not accept. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests (`rate_limited`); `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Something went wrong on the server (`internal_error`); the details are logged, never sent. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ErrorInput: {
            error: {
                /** @description a stable, machine-readable code, e.g. validation_error, claim_locked */
                code: string;
                /** @description a sentence for people */
                message: string;
                /** @description more about the refusal, e.g. one entry per refused field of a validation_error */
                details?: unknown;
            };
        };
        ClaimMatchInput: {
            claim: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                documentId: string;
                documentTitle: string;
                /** @description the claim’s quoted words */
                exact: string;
                /** @enum {string} */
                status: "open" | "in_review" | "verified" | "rejected";
                /** @description set when the claim is signed off (verified or rejected) */
                signOff: {
                    /** @description the rating the lead published (a verdict), if any */
                    rating: string | null;
                    by: {
                        /** Format: uuid */
                        id: string;
                        name: string;
                    } | null;
                    at: string | null;
                } | null;
            };
            /**
             * @description proposed by the rule, or decided by a person
             * @enum {string}
             */
            state: "proposed" | "confirmed" | "rejected";
            /** @description wording similarity, 0..1 */
            score: number;
            /** @description what agrees, in words, e.g. "same figures: 5.2%" */
            agreements: string[];
            decidedBy: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            decidedAt: string | null;
        };
        Error: {
            error: {
                /** @description a stable, machine-readable code, e.g. validation_error, claim_locked */
                code: string;
                /** @description a sentence for people */
                message: string;
                /** @description more about the refusal, e.g. one entry per refused field of a validation_error */
                details?: unknown;
            };
        };
        ClaimMatch: {
            claim: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                documentId: string;
                documentTitle: string;
                /** @description the claim’s quoted words */
                exact: string;
                /** @enum {string} */
                status: "open" | "in_review" | "verified" | "rejected";
                /** @description set when the claim is signed off (verified or rejected) */
                signOff: {
                    /** @description the rating the lead published (a verdict), if any */
                    rating: string | null;
                    by: {
                        /** Format: uuid */
                        id: string;
                        name: string;
                    } | null;
                    at: string | null;
                } | null;
            };
            /**
             * @description proposed by the rule, or decided by a person
             * @enum {string}
             */
            state: "proposed" | "confirmed" | "rejected";
            /** @description wording similarity, 0..1 */
            score: number;
            /** @description what agrees, in words, e.g. "same figures: 5.2%" */
            agreements: string[];
            decidedBy: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            decidedAt: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
