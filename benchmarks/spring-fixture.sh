# Sourced by the Spring Boot start-up benchmarks (spring-startup.sh, startup-profile.sh,
# premain-cost.sh), from the repository's root: one place for how the test application is built and
# started, and for the probe agents they compare configdrift with.
# spring_fixture SPRING_BOOT_MAJOR [jar] builds the agent and fixtures/spring-boot-N when they are
# missing, exports the planted configuration, and sets the array spring_app to the java arguments
# that start the application after the agents: -D override, class path, main class, command line;
# spring_classpath is that class path.
# With "jar" the application's own classes come from its jar instead of target/classes (a CDS
# archive or an AOT cache takes classes from jars only).
spring_fixture() {
  local fixture=fixtures/spring-boot-$1 classes
  if [ ! -f agent/target/configdrift-agent.jar ] || [ ! -f "$fixture/target/application.classpath" ]; then
    mvn -B -q -DskipTests -DskipITs package -pl protocol,agent,fixtures/spring-app,"$fixture"
  fi
  export SPRING_PROFILES_ACTIVE=production DATABASE_POOL_SIZE=10 CONFIGDRIFT_FINGERPRINT_KEY=benchmark-key
  classes=$fixture/target/classes
  if [ "${2:-}" = jar ]; then
    classes=$(ls "$fixture"/target/configdrift-fixture-spring-boot-*[0-9T].jar) # the plain jar, not -exec.jar
  fi
  spring_classpath="$classes:$(cat "$fixture/target/application.classpath")"
  spring_app=(-Dpayment.timeout=45 -cp "$spring_classpath"
    io.configdrift.fixture.spring.DriftApplication --feature.new-checkout=true)
}

# Builds benchmarks/target/NAME.jar once: class NAME with the premain BODY, and the MANIFEST lines.
build_probe_agent() { # NAME BODY MANIFEST
  local jar=benchmarks/target/$1.jar src
  if [ ! -f "$jar" ]; then
    src=$(mktemp -d)
    printf 'public final class %s { public static void premain(String a, java.lang.instrument.Instrumentation i) { %s } }\n' \
      "$1" "$2" >"$src/$1.java"
    printf 'Premain-Class: %s\n%b' "$1" "$3" >"$src/manifest"
    mkdir -p benchmarks/target "$src/classes"
    javac -d "$src/classes" "$src/$1.java" && jar cfm "$jar" "$src/manifest" -C "$src/classes" .
    rm -rf "$src"
  fi
  echo "$jar"
}
