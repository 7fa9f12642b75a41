# Trunkguard: the Spring Boot application (module web) as a container image.
# Build:  docker build -t trunkguard .        Run: see docker-compose.yml

# ---- build stage: compile and package with Maven (tests run in CI, not here) ----
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Poms first, so dependency downloads are cached while sources change.
COPY pom.xml ./
COPY analyzer/pom.xml analyzer/
COPY domain/pom.xml domain/
COPY workflows/pom.xml workflows/
COPY integrations/pom.xml integrations/
COPY reports/pom.xml reports/
COPY web/pom.xml web/
RUN mvn -B -q -pl web -am dependency:go-offline -DskipTests || true
COPY . .
RUN mvn -B -q -pl web -am -DskipTests package

# ---- runtime stage: a JRE and the fat jar, as an unprivileged user ----
FROM eclipse-temurin:17-jre
RUN groupadd --system trunkguard && useradd --system --gid trunkguard --home-dir /app trunkguard \
    && mkdir -p /app/data && chown -R trunkguard:trunkguard /app
WORKDIR /app
COPY --from=build /src/web/target/trunkguard.jar /app/trunkguard.jar
USER trunkguard
# Inside a container the app must listen on all interfaces; publish the port on 127.0.0.1 only (see compose).
ENV SERVER_ADDRESS=0.0.0.0 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
VOLUME ["/app/data"]
ENTRYPOINT ["java", "-jar", "/app/trunkguard.jar"]
