package io.configdrift.collector.server;

/**
 * The JSON path of a report field, such as {@code reads[3].fingerprint}. Spelled out only when a
 * refusal names it: a valid report, the usual case, has thousands of fields and pays for none of
 * their names.
 */
final class FieldPath {
  private static final int NO_INDEX = -1;

  private final FieldPath parent;
  private final String name;
  private final int index;

  private FieldPath(FieldPath parent, String name, int index) {
    this.parent = parent;
    this.name = name;
    this.index = index;
  }

  static FieldPath of(String name) {
    return new FieldPath(null, name, NO_INDEX);
  }

  /** The element {@code index} of this list. */
  FieldPath at(int index) {
    return new FieldPath(this, null, index);
  }

  /** The field {@code name} of this object. */
  FieldPath dot(String name) {
    return new FieldPath(this, name, NO_INDEX);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    appendTo(out);
    return out.toString();
  }

  private void appendTo(StringBuilder out) {
    if (parent != null) {
      parent.appendTo(out);
    }
    if (name == null) {
      out.append('[').append(index).append(']');
    } else {
      out.append(out.length() == 0 ? "" : ".").append(name);
    }
  }
}
