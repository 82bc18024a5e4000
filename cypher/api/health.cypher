// Readiness: is Neo4j answering at all.

// name: ping
RETURN 1 AS ok;
