package io.configdrift.testapp;

import static net.bytebuddy.matcher.ElementMatchers.named;

import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/** Someone else's agent, built with the plain (unrelocated) byte-buddy, retransforming as ours does. */
public final class OtherByteBuddyAgent {
  public static void premain(String arguments, Instrumentation instrumentation) {
    new AgentBuilder.Default()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .disableClassFormatChanges()
        .type(named("io.configdrift.testapp.Greeter"))
        .transform((builder, type, loader, module, domain) ->
            builder.visit(Advice.to(GreetAdvice.class).on(named("greet"))))
        .installOn(instrumentation);
  }

  /** Marks the greeting so the test sees that this agent ran. */
  public static final class GreetAdvice {
    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Return(readOnly = false) String greeting) {
      greeting = greeting + " (instrumented)";
    }
  }
}
