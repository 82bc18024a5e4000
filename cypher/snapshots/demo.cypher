// The bundled demo's snapshots: marked when `iamatlas demo` loads them, so that
// loading the demo again replaces only them, never a user's snapshot that
// happens to be named "demo".

// name: demo-mark
MATCH (s:Snapshot {id: $id})
SET s.demo = true
RETURN s.id AS id;

// name: demo-others
MATCH (s:Snapshot)
WHERE s.demo = true AND s.id <> $keep
RETURN s.id AS id;
