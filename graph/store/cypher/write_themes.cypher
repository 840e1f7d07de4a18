// Theme nodes belong to the themes feature: only make sure the ones we point at exist.
UNWIND $themes AS row
MERGE (:Theme {id: row.id})
