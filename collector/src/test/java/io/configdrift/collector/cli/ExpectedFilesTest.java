package io.configdrift.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpectedFilesTest {
  @TempDir Path temp;

  private ExpectedConfig read(String name, String content) throws IOException {
    Path file = temp.resolve(name);
    Files.writeString(file, content);
    return ExpectedFiles.read(file, null);
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theFormatIsToldByTheFileName() {
    assertThat(ExpectedFormat.of(Path.of(".env"))).isEqualTo(ExpectedFormat.ENV);
    assertThat(ExpectedFormat.of(Path.of("deploy/production.env"))).isEqualTo(ExpectedFormat.ENV);
    assertThat(ExpectedFormat.of(Path.of(".env.production"))).isEqualTo(ExpectedFormat.ENV);
    assertThat(ExpectedFormat.of(Path.of("app.properties"))).isEqualTo(ExpectedFormat.PROPERTIES);
    assertThat(ExpectedFormat.of(Path.of("k8s/configmap.YAML"))).isEqualTo(ExpectedFormat.YAML);
    assertThat(ExpectedFormat.of(Path.of("values.yml"))).isEqualTo(ExpectedFormat.YAML);
    assertThat(ExpectedFormat.of(Path.of("config.json"))).isEqualTo(ExpectedFormat.JSON);
    assertThatThrownBy(() -> ExpectedFormat.of(Path.of("config.txt")))
        .hasMessage("cannot tell the format of config.txt from its name: pass --expected-format env, properties, yaml or json");
  }

  @Test
  void anExplicitFormatWinsOverTheName() throws IOException {
    Path file = temp.resolve("settings.txt");
    Files.writeString(file, "A=1\n");

    assertThat(ExpectedFiles.read(file, ExpectedFormat.ENV).values()).containsExactly(entry("A", "1"));
  }

  @Test
  void propertiesFilesAreReadAsJavaReadsThem() throws IOException {
    ExpectedConfig config = read("app.properties", """
        # comment
        db.timeout = 30s
        log.level: INFO
        greeting=hello \\
          world
        """);

    assertThat(config.values()).containsExactly(
        entry("db.timeout", "30s"), entry("greeting", "hello world"), entry("log.level", "INFO"));
  }

  @Test
  void yamlScalarsStayTheTextTheyWereWrittenAs() throws IOException {
    ExpectedConfig config = read("config.yaml", """
        DB_TIMEOUT: 30s
        RATIO: 0.50
        MODE: 010
        ENABLED: true
        QUOTED: "45"
        EMPTY:
        """);

    assertThat(config.values()).containsExactly(entry("DB_TIMEOUT", "30s"), entry("RATIO", "0.50"),
        entry("MODE", "010"), entry("ENABLED", "true"), entry("QUOTED", "45"), entry("EMPTY", ""));
  }

  @Test
  void nestedYamlIsFlattenedWithDotsAndListItemsWithTheirIndex() throws IOException {
    ExpectedConfig config = read("application.yml", """
        db:
          timeout: 30s
          pool:
            size: 20
        hosts:
          - a.internal
          - b.internal
        """);

    assertThat(config.values()).containsExactly(entry("db.timeout", "30s"), entry("db.pool.size", "20"),
        entry("hosts.0", "a.internal"), entry("hosts.1", "b.internal"));
  }

  @Test
  void laterYamlDocumentsWin() throws IOException {
    ExpectedConfig config = read("layered.yaml", "A: 1\nB: 2\n---\nB: 3\n");

    assertThat(config.values()).containsExactly(entry("A", "1"), entry("B", "3"));
  }

  @Test
  void jsonIsAFlatObjectOfKeys() throws IOException {
    ExpectedConfig config = read("config.json", """
        {"DB_TIMEOUT": "30s", "PAYMENT_MAX_RETRIES": 3, "RATIO": 0.50, "FLAG": false, "db": {"host": "pg"}}
        """);

    assertThat(config.values()).containsExactly(entry("DB_TIMEOUT", "30s"), entry("PAYMENT_MAX_RETRIES", "3"),
        entry("RATIO", "0.50"), entry("FLAG", "false"), entry("db.host", "pg"));
  }

  @Test
  void aConfigMapGivesItsDataAndOtherResourcesAreSkipped() throws IOException {
    ExpectedConfig config = read("k8s.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: checkout
        spec:
          replicas: 3
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: checkout-config
        data:
          DB_TIMEOUT: "60s"
          LOG_LEVEL: INFO
          application.properties: |
            a=1
        """);

    assertThat(config.values()).containsExactly(entry("DB_TIMEOUT", "60s"), entry("LOG_LEVEL", "INFO"),
        entry("application.properties", "a=1\n"));
  }

  @Test
  void aSecretsDataIsBase64DecodedAndItsStringDataTakenAsItIs() throws IOException {
    ExpectedConfig config = read("secret.yaml", """
        apiVersion: v1
        kind: Secret
        metadata:
          name: checkout-secrets
        type: Opaque
        data:
          DB_PASSWORD: %s
          API_TOKEN: %s
        stringData:
          SMTP_PASSWORD: plain-text
          API_TOKEN: from-string-data
        """.formatted(base64("canary-pw"), base64("from-data")));

    assertThat(config.values()).containsExactly(entry("DB_PASSWORD", "canary-pw"),
        entry("API_TOKEN", "from-string-data"), entry("SMTP_PASSWORD", "plain-text"));
  }

  @Test
  void aListOfResourcesAsKubectlPrintsItIsReadItemByItem() throws IOException {
    ExpectedConfig config = read("dump.json", """
        {"apiVersion": "v1", "kind": "List", "items": [
          {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}, "data": {"A": "1", "B": "1"}},
          {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "b"}, "data": {"B": "%s"}}
        ]}
        """.formatted(base64("2")));

    assertThat(config.values()).as("a later resource wins, as with envFrom")
        .containsExactly(entry("A", "1"), entry("B", "2"));
  }

  @Test
  void aSecretValueThatIsNotBase64IsNamedWithoutItsValue() {
    assertThatThrownBy(() -> read("secret.yaml", """
        apiVersion: v1
        kind: Secret
        metadata: {name: s}
        data:
          DB_PASSWORD: canary-not-base64!
        """))
        .isInstanceOf(CliException.class)
        .hasMessageEndingWith("secret.yaml: Secret s data.DB_PASSWORD is not valid base64")
        .message().doesNotContain("canary");
  }

  @Test
  void kubernetesResourcesWithoutAConfigMapOrSecretAreRefused() {
    assertThatThrownBy(() -> read("deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n"))
        .hasMessageEndingWith("deploy.yaml: holds Kubernetes resources but no ConfigMap or Secret");
  }

  @Test
  void malformedYamlIsNamedByLineWithoutQuotingIt() {
    assertThatThrownBy(() -> read("bad.yaml", "A: 1\nB: [canary-unclosed\n"))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("bad.yaml: line ")
        .hasMessageEndingWith("not valid YAML")
        .message().doesNotContain("canary");
  }

  @Test
  void aYamlFileMustBeAMap() {
    assertThatThrownBy(() -> read("list.yaml", "- a\n- b\n"))
        .hasMessageEndingWith("list.yaml: expected a map of keys to values at the top, or Kubernetes resources");
  }

  @Test
  void theConfigNeverPrintsItsValues() throws IOException {
    ExpectedConfig config = read("prod.env", "DB_PASSWORD=canary-pw\n");

    assertThat(config.toString()).contains("DB_PASSWORD").doesNotContain("canary");
  }
}
