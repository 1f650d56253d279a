import Foundation
import Testing
@testable import ScaffoldKit

/// `scaffold import` of the shapes real stacks have: a worker and a migration from the web app's
/// build, env files, configuration files, a volume two services share and process settings.
@Suite("Compose import of processes, jobs and process settings")
struct ProcessImportTests {
    /// A web app, its worker and its migration from one build; the web app waits for the migration.
    static let compose = """
    services:
      web:
        build: .
        command: ["gunicorn", "app:app", "--bind", "0.0.0.0:8000"]
        ports: ["8000:8000"]
        env_file: [.env.web, {path: ./config/extra.env, required: false}]
        volumes: ["./config/app.toml:/etc/app/app.toml:ro", "uploads:/srv/uploads"]
        depends_on:
          migrate: {condition: service_completed_successfully}
          db: {condition: service_healthy}
      worker:
        build: .
        command: python -m app.worker
        volumes: ["uploads:/srv/uploads"]
        entrypoint: ["/usr/bin/tini", "--"]
        user: "10001:10001"
        shm_size: 256m
        ulimits: {nofile: {soft: 8192, hard: 8192}, nproc: 512}
        restart: on-failure
        depends_on: [db]
      migrate:
        build: .
        command: python -m app.migrate
        restart: "no"
        env_file: .env.web
        depends_on: [db]
      db:
        image: postgres:16-alpine
        healthcheck: {test: ["CMD", "pg_isready"]}
    volumes: {uploads: {}}
    """

    static let sources = ["pyproject.toml": "[project]\nname = \"app\"\n", "uv.lock": "version = 1\n",
                          "config/app.toml": "[app]\n", ".env.web": "LOG_LEVEL=info\n", "config/extra.env": ""]

    @Test("services built like an earlier one become its processes; a one-shot one a job the web app waits for")
    func processesAndJobs() throws {
        let (text, _, _) = try ImportSupport.draft(["compose.yaml": Self.compose], sources: Self.sources)
        let web = try #require(ImportSupport.declaration(of: "web", in: text))
        #expect(web.contains(#"dependsOn: [.completed("migrate"), "postgres"]"#) || web.contains(#".completed("migrate")"#), "\(web)")
        let worker = try #require(ImportSupport.declaration(of: "worker", in: text))
        #expect(worker.contains(#".process("#) && worker.contains(#"of: "web""#) && worker.contains(#"command: ["python", "-m", "app.worker"]"#), "\(worker)")
        let migrate = try #require(ImportSupport.declaration(of: "migrate", in: text))
        #expect(migrate.contains(#".job("#) && migrate.contains(#"of: "web""#) && migrate.contains(#"command: ["python", "-m", "app.migrate"]"#), "\(migrate)")
        #expect(migrate.contains("// not imported: envFiles:"), "a job takes no env files: \(migrate)")
        #expect(!text.contains("Dockerfile.worker") && text.components(separatedBy: ".app(").count == 2, "one build: \(text)")
    }

    @Test("env files, a read-only repository file, a shared named volume and process settings are carried")
    func settings() throws {
        let (text, _, _) = try ImportSupport.draft(["compose.yaml": Self.compose], sources: Self.sources)
        let web = try #require(ImportSupport.declaration(of: "web", in: text))
        #expect(web.contains(#"envFiles: [".env.web", "config/extra.env"]"#), "\(web)")
        #expect(web.contains(#".file("config/app.toml", at: "/etc/app/app.toml")"#), "\(web)")
        #expect(web.contains(#".shared("uploads", at: "/srv/uploads")"#), "\(web)")
        let worker = try #require(ImportSupport.declaration(of: "worker", in: text))
        #expect(worker.contains(#"processSettings: ProcessSettings(entrypoint: ["/usr/bin/tini", "--"], user: 10001, shmSize: "256Mi", openFiles: 8192, restart: .onFailure)"#), "\(worker)")
        #expect(worker.contains("// not imported: ulimits.nproc"), "\(worker)")
        #expect(worker.contains(#".shared("uploads", at: "/srv/uploads")"#), "\(worker)")
    }

    @Test("the draft compiles and renders: one image for the web app, worker and migration; the web app waits for the job")
    func renders() throws {
        let (_, report, folder) = try ImportSupport.draft(["compose.yaml": Self.compose], sources: Self.sources)
        #expect(report.lines.contains { $0.contains("a job of web's image") }, "\(report.lines)")
        #expect(report.lines.contains { $0.contains("a process of web's image") }, "\(report.lines)")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("compose.yaml"))
        try Data(Self.compose.utf8).write(to: folder.appendingPathComponent("docker-compose.yml"))
        let imported = try ScaffoldBinary.run(["import", "-f", "docker-compose.yml"], in: folder)
        #expect(imported.status == 0, "\(imported.output)")
        let draft = String(decoding: try #require(FileManager.default.contents(atPath: folder.appendingPathComponent("Blueprint.swift").path)), as: UTF8.self)
        let regen = try ScaffoldBinary.run(["regen"], in: folder)
        #expect(regen.status == 0, "the draft doesn't render:\n\(regen.output)\n\(draft)")
        let compose = String(decoding: try #require(FileManager.default.contents(atPath: folder.appendingPathComponent("compose.yaml").path)), as: UTF8.self)
        #expect(compose.contains("condition: service_completed_successfully"), "\(compose)")
        #expect(compose.components(separatedBy: "-web:${IMAGE_TAG:-local}").count == 4, "one image for the three: \(compose)")
        #expect(!compose.contains("-worker:") && !compose.contains("-migrate:"), "\(compose)")
        #expect(compose.contains("/etc/app/app.toml:ro") && compose.contains("env_file:"), "\(compose)")
    }
}
