# Sourced by the Spring Boot start-up benchmarks (spring-startup.sh, startup-profile.sh), from the
# repository's root: one place for how the test application is built and started.
# spring_fixture SPRING_BOOT_MAJOR builds the agent and fixtures/spring-boot-N when they are
# missing, exports the planted configuration, and sets the array spring_app to the java arguments
# that start the application after the agents: -D override, class path, main class, command line.
spring_fixture() {
  local fixture=fixtures/spring-boot-$1
  if [ ! -f agent/target/configdrift-agent.jar ] || [ ! -f "$fixture/target/application.classpath" ]; then
    mvn -B -q -DskipTests -DskipITs package -pl protocol,agent,fixtures/spring-app,"$fixture"
  fi
  export SPRING_PROFILES_ACTIVE=production DATABASE_POOL_SIZE=10 CONFIGDRIFT_FINGERPRINT_KEY=benchmark-key
  spring_app=(-Dpayment.timeout=45 -cp "$fixture/target/classes:$(cat "$fixture/target/application.classpath")"
    io.configdrift.fixture.spring.DriftApplication --feature.new-checkout=true)
}
