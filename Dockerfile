# Container build of the Output Intake daemon (README: "Operations: health, metrics, service files").
# Build the jar first (`mvn -B verify`), then: docker build -t output-intake .
FROM eclipse-temurin:17-jre

# a user of its own: the bot needs no root, and its data volume belongs to it alone
RUN groupadd --system --gid 10001 intake \
 && useradd --system --uid 10001 --gid intake --home-dir /opt/output-intake --shell /usr/sbin/nologin intake

WORKDIR /opt/output-intake
COPY target/output-intake.jar target/output-intake.jar
COPY config/ config/
COPY templates/ templates/
RUN mkdir -p data && chown -R intake:intake data

USER intake:intake
# the database (SQLite), stored emails and files; mount a volume here, or use PostgreSQL and a shared folder
VOLUME ["/opt/output-intake/data"]
# the operations endpoint, when intake.yaml sets server.port: 9464 and server.address: 0.0.0.0
EXPOSE 9464
# secrets come from the environment (INTAKE_IMAP_PASSWORD ...) or mounted files, never from the image
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "target/output-intake.jar"]
CMD ["run", "--config", "/etc/output-intake/intake.yaml"]
