# FrontDoor gateway image: multi-stage build, layered jar (dependencies change less often than our code).
# Build:  docker build -t frontdoor .      Run: see docker-compose.yml (needs a PostgreSQL via FRONTDOOR_DATABASE_URL).
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY nlp/pom.xml nlp/
COPY templates/pom.xml templates/
COPY channels/pom.xml channels/
COPY gateway/pom.xml gateway/
RUN ./mvnw -q -B -ntp dependency:go-offline -pl gateway -am || true
COPY . .
RUN ./mvnw -q -B -ntp -DskipTests -pl gateway -am package \
	&& java -Djarmode=tools -jar gateway/target/frontdoor.jar extract --layers --launcher --destination /extracted

FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 --home-dir /app frontdoor && mkdir -p /app/data && chown frontdoor /app/data
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
USER frontdoor
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
	CMD ["bash", "-c", "exec 3<>/dev/tcp/localhost/8080 && printf 'GET /actuator/health/liveness HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q UP <&3"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
