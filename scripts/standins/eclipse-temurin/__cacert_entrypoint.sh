#!/bin/sh
# Entry point of the eclipse-temurin stand-in. The real one imports system CA certificates
# into Java's store when USE_SYSTEM_CA_CERTS is set; Debian's Java uses the system store
# (kept in sync by ca-certificates-java) already, so there is nothing to do but run the command.
exec "$@"
