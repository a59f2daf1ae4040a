# Sourced by the validation scripts: builds MODULE (and what it needs) and runs one of its main classes.
# Usage: run_main MODULE HEAP CLASS [ARGS...]
run_main() {
  local module="$1" heap="$2" class="$3"
  shift 3
  mvn -B -q install -DskipTests -pl "$module" -am
  mvn -B -q -f "$module/pom.xml" dependency:build-classpath -Dmdep.outputFile=target/cp.txt
  java "-Xmx$heap" -cp "$module/target/classes:$(cat "$module/target/cp.txt")" "$class" "$@"
}
