# syntax=docker/dockerfile:1
# The command-line generator in a container: live traffic into the /logs volume, /health on
# port 8080, a clean stop (flushed, compressed, closed) on `docker stop`.
#
#   docker build -t loggen .
#   docker run --rm -v loggen-logs:/logs -p 127.0.0.1:8080:8080 loggen
#   docker run --rm -v "$PWD/out:/logs" loggen --seed 42 --duration 1d --output /logs
#
# Not built or run in loggen's own CI (no container engine there): see README.md, "Docker".

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -pl loggen-examples -am package

FROM eclipse-temurin:17-jre
RUN groupadd --system loggen \
 && useradd --system --gid loggen --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin loggen \
 && mkdir /logs && chown loggen:loggen /logs
COPY --from=build /src/loggen-examples/target/loggen.jar /opt/loggen/loggen.jar
USER loggen
WORKDIR /logs
VOLUME /logs
EXPOSE 8080
STOPSIGNAL SIGTERM
# curl is part of the eclipse-temurin Ubuntu images; without it use
#   CMD ["java", "-cp", "/opt/loggen/loggen.jar", "dev.loggen.cli.HealthProbe", "8080"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/loggen/loggen.jar"]
# Live shop traffic at 50 lines a second, hourly files gzipped, two days kept; /health on all
# interfaces of the container (publish the port to 127.0.0.1 on the host).
CMD ["--live", "--rate", "50", "--output", "/logs", "--rotate-time", "hourly", "--keep", "48", \
     "--health-port", "8080", "--health-bind", "0.0.0.0"]
