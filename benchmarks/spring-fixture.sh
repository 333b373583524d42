# Sourced by the Spring Boot start-up benchmarks (spring-startup.sh, startup-profile.sh), from the
# repository's root: one place for how the test application is built and started.
# spring_fixture SPRING_BOOT_MAJOR [jar] builds the agent and fixtures/spring-boot-N when they are
# missing, exports the planted configuration, and sets the array spring_app to the java arguments
# that start the application after the agents: -D override, class path, main class, command line.
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
  spring_app=(-Dpayment.timeout=45 -cp "$classes:$(cat "$fixture/target/application.classpath")"
    io.configdrift.fixture.spring.DriftApplication --feature.new-checkout=true)
}
