package io.configdrift.agent;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.PrintStream;

/**
 * {@code java -jar configdrift-agent.jar attach <pid> [options]} loads the agent into a running JVM;
 * {@code attach --list} lists the local JVMs. Options are the agent arguments, as after
 * {@code -javaagent:configdrift-agent.jar=}.
 */
final class AttachCommand {
  static final String USAGE = "usage: java -jar configdrift-agent.jar attach <pid> [service=...,environment=...,file=...]\n"
      + "       java -jar configdrift-agent.jar attach --list";

  private AttachCommand() {}

  static int run(String[] arguments, PrintStream out, PrintStream err) {
    if (arguments.length == 0 || !"attach".equals(arguments[0])) {
      err.println(USAGE);
      return 2;
    }
    if (arguments.length == 2 && ("--help".equals(arguments[1]) || "-h".equals(arguments[1]))) {
      out.println(USAGE);
      return 0;
    }
    if (arguments.length == 2 && "--list".equals(arguments[1])) {
      for (VirtualMachineDescriptor vm : VirtualMachine.list()) {
        out.println(vm.id() + "\t" + vm.displayName());
      }
      return 0;
    }
    if (arguments.length < 2 || arguments.length > 3 || !arguments[1].matches("\\d+")) {
      err.println("configdrift: attach needs a process id (see attach --list)\n" + USAGE);
      return 2;
    }
    String pid = arguments[1];
    String options = arguments.length == 3 ? arguments[2] : "";
    try {
      VirtualMachine vm = VirtualMachine.attach(pid);
      try {
        vm.loadAgent(AgentMain.agentJar().getPath(), options);
      } finally {
        vm.detach();
      }
      out.println("configdrift agent attached to " + pid);
      return 0;
    } catch (Exception e) {
      err.println("configdrift: cannot attach to " + pid + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
      return 2;
    }
  }
}
