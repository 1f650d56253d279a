import Mustache
import Testing

/// User overrides layered over built-in templates.
@Suite("Overrides and inheritance")
struct OverrideTests {
    static let dockerfile = TemplateSource(name: "docker/python.Dockerfile", path: "Templates/docker/python.Dockerfile.mustache", text: """
    FROM {{{image}}}
    WORKDIR /app
    {{$install}}
    RUN pip install -r requirements.txt
    {{/install}}
    COPY . .
    {{$run}}
    CMD [{{#cmd}}{{.}}{{^last}}, {{/last}}{{/cmd}}]
    {{/run}}

    """)

    static let context: TemplateValue = ["image": "python:3.12-slim", "cmd": ["python", "app.py"], "last": false]

    @Test("an override replaces one block of the built-in it extends")
    func replaceBlock() throws {
        let override = TemplateSource(name: "docker/python.Dockerfile", path: "overrides/docker/python.Dockerfile.mustache", text: """
        {{<docker/python.Dockerfile}}
          {{$install}}
          RUN pip install poetry && poetry install --only main
          {{/install}}
        {{/docker/python.Dockerfile}}

        """)
        let set = try TemplateSet(builtIn: [Self.dockerfile], overrides: [override])
        #expect(try set.render("docker/python.Dockerfile", context: Self.context, format: .dockerfile) == """
        FROM python:3.12-slim
        WORKDIR /app
        RUN pip install poetry && poetry install --only main
        COPY . .
        CMD ["python", "app.py", ]

        """)
    }

    @Test("overriding a block the parent does not have names the override file, line and block")
    func unknownBlock() throws {
        let override = TemplateSource(name: "docker/python.Dockerfile", path: "overrides/docker/python.Dockerfile.mustache", text: """
        {{<docker/python.Dockerfile}}
        {{$instal}}
        RUN true
        {{/instal}}
        {{/docker/python.Dockerfile}}
        """)
        let error = templateError { try TemplateSet(builtIn: [Self.dockerfile], overrides: [override]) }
        #expect(error?.kind == .unknownBlock("instal"))
        #expect(error?.description == """
        overrides/docker/python.Dockerfile.mustache:2:1: block 'instal' is not defined by 'docker/python.Dockerfile', so overriding it has no effect (it defines: install, run); did you mean 'install'?
        {{$instal}}
        ^
        """)
    }

    @Test("an unknown block with no similar name asks to rename or remove it")
    func unknownBlockNoSuggestion() {
        let override = TemplateSource(name: "docker/python.Dockerfile", path: "overrides/docker/python.Dockerfile.mustache",
                                      text: "{{<docker/python.Dockerfile}}{{$healthcheck}}x{{/healthcheck}}{{/docker/python.Dockerfile}}")
        let error = templateError { try TemplateSet(builtIn: [Self.dockerfile], overrides: [override]) }
        #expect(error?.message == "block 'healthcheck' is not defined by 'docker/python.Dockerfile', so overriding it has no effect (it defines: install, run); rename or remove this block")
        #expect(error?.line == 1 && error?.column == 30)
    }

    @Test("an override without a parent tag replaces the built-in entirely")
    func fullReplacement() throws {
        let override = TemplateSource(name: "docker/python.Dockerfile", path: "overrides/docker/python.Dockerfile.mustache",
                                      text: "FROM {{{image}}}\nCMD {{cmd}}\n")
        let set = try TemplateSet(builtIn: [Self.dockerfile], overrides: [override])
        #expect(try set.render("docker/python.Dockerfile", context: Self.context, format: .dockerfile)
                == "FROM python:3.12-slim\nCMD [\"python\", \"app.py\"]\n")
    }

    @Test("blocks defined by templates the parent includes can be overridden")
    func transitiveBlocks() throws {
        let set = try TemplateSet(builtIn: [
            TemplateSource(name: "base", path: "Templates/base.mustache", text: "head\n{{>footer}}\n"),
            TemplateSource(name: "footer", path: "Templates/footer.mustache", text: "{{$footer}}default footer{{/footer}}"),
            TemplateSource(name: "page", path: "Templates/page.mustache", text: "{{<base}}{{$footer}}custom{{/footer}}{{/base}}"),
        ])
        // The standalone `{{>footer}}` line takes its line break with it, like any standalone tag.
        #expect(try set.render("page", context: [:], format: .none) == "head\ncustom")
    }

    @Test("references resolve to overrides first, for built-ins and overrides alike")
    func partialResolution() throws {
        let set = try TemplateSet(
            builtIn: [
                TemplateSource(name: "app", path: "Templates/app.mustache", text: "[{{>common}}|{{>helper}}]"),
                TemplateSource(name: "common", path: "Templates/common.mustache", text: "built-in common"),
                TemplateSource(name: "helper", path: "Templates/helper.mustache", text: "built-in helper"),
            ],
            overrides: [
                TemplateSource(name: "common", path: "overrides/common.mustache", text: "user common"),
                TemplateSource(name: "extra", path: "overrides/extra.mustache", text: "{{>common}} + {{>helper}}"),
            ])
        #expect(try set.render("app", context: [:], format: .none) == "[user common|built-in helper]")
        #expect(try set.render("extra", context: [:], format: .none) == "user common + built-in helper")
        #expect(set.names == ["app", "common", "extra", "helper"])
        #expect(set.contains("extra") && !set.contains("missing"))
    }

    @Test("an override can wrap the built-in of the same name with a partial tag")
    func wrap() throws {
        let set = try TemplateSet(
            builtIn: [TemplateSource(name: "readme", path: "Templates/readme.mustache", text: "body\n")],
            overrides: [TemplateSource(name: "readme", path: "overrides/readme.mustache", text: "before\n{{>readme}}\nafter\n")])
        #expect(try set.render("readme", context: [:], format: .none) == "before\nbody\nafter\n")
    }

    @Test("multi-level: an override extends a built-in that extends a base")
    func multiLevel() throws {
        let set = try TemplateSet(
            builtIn: [
                TemplateSource(name: "base", path: "Templates/base.mustache", text: "{{$a}}base a{{/a}} {{$b}}base b{{/b}}"),
                TemplateSource(name: "svc", path: "Templates/svc.mustache", text: "{{<base}}{{$a}}svc a{{/a}}{{/base}}"),
            ],
            overrides: [TemplateSource(name: "svc", path: "overrides/svc.mustache", text: "{{<svc}}{{$b}}user b{{/b}}{{/svc}}")])
        #expect(try set.render("svc", context: [:], format: .none) == "svc a user b")
    }

    @Test("re-indentation of overriding blocks")
    func reindent() throws {
        let set = try TemplateSet(builtIn: [
            TemplateSource(name: "deploy", path: "Templates/deploy.yaml.mustache", text: """
            spec:
              containers:
                {{$containers}}
                - name: app
                {{/containers}}

            """),
            TemplateSource(name: "mine", path: "overrides/mine.yaml.mustache", text: """
            {{<deploy}}
            {{$containers}}
            - name: {{name}}
              env: {{env}}
            - name: sidecar
            {{/containers}}
            {{/deploy}}

            """),
        ])
        #expect(try set.render("mine", context: ["name": "web", "env": "A=1\nB=2"], format: .yaml) == """
        spec:
          containers:
            - name: web
              env: |-
                A=1
                B=2
            - name: sidecar

        """)
    }
}
