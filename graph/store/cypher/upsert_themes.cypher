// Theme nodes carry the taxonomy's label, frame and description (the store writes only ids).
UNWIND $themes AS row
MERGE (t:Theme {id: row.id})
SET t.label = row.label, t.frame = row.frame, t.description = row.description
