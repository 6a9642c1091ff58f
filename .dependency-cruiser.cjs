/**
 * The layers (issue #16, docs/decisions/021): routes → area server modules (app/lib/<area>.server.ts) → domain → db. Arrows never run
 * back up, relative and `~/` imports alike; db/ (schema, migrations, connection) imports nothing from app/.
 */
module.exports = {
  forbidden: [
    {
      name: "db-imports-no-app",
      comment: "db/ (migrations, schema, connection) never imports the app: a migration must stay what it was.",
      severity: "error",
      from: { path: "^db/" },
      to: { path: "^app/" },
    },
    {
      name: "domain-imports-no-web",
      comment: "The domain knows nothing of routes, web glue or components.",
      severity: "error",
      from: { path: "^app/domain/" },
      to: { path: "^app/(routes|lib|components)/|^app/root\\.tsx$|^server/" },
    },
    {
      name: "lib-imports-no-routes",
      comment: "Area server modules and web glue sit below the routes.",
      severity: "error",
      from: { path: "^app/(lib|components)/" },
      to: { path: "^app/routes/" },
    },
    {
      name: "routes-no-db",
      comment: "Routes reach the database only through the domain (types from db/schema are fine).",
      severity: "error",
      from: { path: "^app/(routes|components)/" },
      to: { path: "^db/", pathNot: "^db/schema\\.ts$" },
    },
    {
      name: "routes-through-area-modules",
      comment:
        "A route reaches the domain through its area's server module (app/lib/<area>.server.ts); it imports from the domain only what the browser may run too: vocabularies, form schemas, shared helpers (not the ones that query), the policy layer for what to show, and types.",
      severity: "error",
      from: { path: "^app/(routes|components)/" },
      to: {
        path: "^app/domain/",
        pathNot:
          "^app/domain/([^/]+/(vocabulary|schemas)|shared/(?!communes|hold)[^/]+|auth/permissions|auth/policies/index)\\.ts$",
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "no-kysely-above-domain",
      comment: "Queries are written in the domain (and db/), never in routes, components or area modules.",
      severity: "error",
      from: { path: "^app/(routes|lib|components)/" },
      to: { path: "(^|/)node_modules/kysely/" },
    },
    {
      name: "no-circular",
      comment: "No import loops.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "^(build|tmp|\\.runtime)/" },
  },
};
