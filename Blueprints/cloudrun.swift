// An API and a worker on Cloud Run only: a configuration file from the repository mounted
// read-only in every environment (a Secret Manager secret volume on Cloud Run), uploads the two
// share (a Cloud Storage bucket there), and a nightly task that reads both.
import BlueprintDescription

let settings: Volume = .file("config/settings.toml", at: "/etc/notes/settings.toml")
let uploads: Volume = .shared("uploads", at: "/srv/uploads")

let blueprint = Blueprint(
    name: "cloudrun",
    registry: "ghcr.io/acme",
    summary: "A notes API and its worker on Cloud Run, sharing a settings file and uploads",
    environments: [.development, .production],
    services: [
        .app(
            "api",
            path: "api",
            runtime: .python("3.12", packages: .uv, server: .uvicorn("notes.main:app")),
            port: 8000,
            health: .http("/health"),
            environment: ["NOTES_SETTINGS": "/etc/notes/settings.toml"],
            volumes: [settings, uploads],
            dependsOn: ["redis"],
            ingress: .host("notes.example.com")
        ),
        .process(
            "worker", of: "api", command: ["python", "-m", "notes.worker"],
            environment: ["NOTES_SETTINGS": "/etc/notes/settings.toml"],
            volumes: [settings, uploads],
            dependsOn: ["redis"],
            summary: "turns uploads into thumbnails"),
        .cron(
            "prune", of: "api", schedule: "15 4 * * *", command: ["python", "-m", "notes.prune"],
            environment: ["NOTES_SETTINGS": "/etc/notes/settings.toml"],
            volumes: [settings, uploads],
            timeout: 900,
            summary: "deletes uploads no note refers to"),
        .redis(managed: [.production]),
    ],
    targets: [
        .gcp(project: "acme-notes", region: "europe-west1", environments: [.production]),
    ]
)
