package io.configdrift.collector.cli;

/** How a command prints its answer; {@code --format table|json|markdown}. */
enum OutputFormat {
  /** Aligned columns for a terminal (coloured there, plain when piped). */
  TABLE,
  /** The answer as JSON, for scripts; never coloured. */
  JSON,
  /** GitHub-flavoured Markdown tables, for pull-request comments and job summaries. */
  MARKDOWN
}
