package io.configdrift.agent.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A getter is read as its field where the field is there, and called where it is not. */
class GetterTest {
  /** A framework class whose getter returns its field, declared in a superclass, as it is. */
  public static class Named {
    protected final String name;

    public Named(String name) {
      this.name = name;
    }

    public String getName() {
      return name;
    }
  }

  public static final class Source extends Named {
    public Source(String name) {
      super(name);
    }

    /** A later version that computes the value: the field the agent knows is gone. */
    public String getTitle() {
      return "title of " + name;
    }
  }

  @Test
  void readsTheFieldBehindTheGetterAlsoInASuperclass() throws Exception {
    Getter name = Getter.of(Source.class, "name", "getName");
    assertThat(name.get(new Source("systemEnvironment"))).isEqualTo("systemEnvironment");
  }

  @Test
  void callsTheGetterWhenThereIsNoSuchField() throws Exception {
    Getter title = Getter.of(Source.class, "title", "getTitle");
    assertThat(title.get(new Source("commandLineArgs"))).isEqualTo("title of commandLineArgs");
  }

  @Test
  void aFrameworkWithNeitherCannotBeInspected() {
    assertThatThrownBy(() -> Getter.of(Source.class, "origin", "getOrigin")).isInstanceOf(NoSuchMethodException.class);
  }
}
