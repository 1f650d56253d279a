// A one-service Python API whose project overrides one template block (the Dockerfile's system packages).
import BlueprintDescription

// The override lives in block-override.templates/containers/python.Dockerfile.mustache; `scaffold init
// --blueprint block-override` copies it to .scaffold/templates/, where every project keeps its overrides.
let blueprint = Blueprint(
    name: "block-override",
    registry: "ghcr.io/acme",
    environments: [.development, .production],
    services: [
        .app(
            "api",
            runtime: .python("3.12", packages: .pip, server: .gunicorn("service.wsgi:app", workers: 4)),
            port: 8000,
            health: .http("/health")
        ),
    ]
)
