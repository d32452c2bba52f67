-- A card carries only the fields of its lane's kind. Earlier versions kept, for example, a pain
-- point's severity on a card moved to Opportunities, hidden on the canvas but shown in exports.
UPDATE cards SET channel = NULL
WHERE channel IS NOT NULL AND (SELECT kind FROM lanes
    WHERE lanes.map_id = cards.map_id AND lanes.id = cards.lane_id) <> 'touchpoints';
UPDATE cards SET severity = NULL
WHERE severity IS NOT NULL AND (SELECT kind FROM lanes
    WHERE lanes.map_id = cards.map_id AND lanes.id = cards.lane_id) <> 'pain_points';
UPDATE cards SET impact = NULL, effort = NULL
WHERE (impact IS NOT NULL OR effort IS NOT NULL) AND (SELECT kind FROM lanes
    WHERE lanes.map_id = cards.map_id AND lanes.id = cards.lane_id) <> 'opportunities';
UPDATE cards SET metric_value = NULL, metric_target = NULL
WHERE (metric_value IS NOT NULL OR metric_target IS NOT NULL) AND (SELECT kind FROM lanes
    WHERE lanes.map_id = cards.map_id AND lanes.id = cards.lane_id) <> 'kpis';
