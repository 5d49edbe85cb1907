import type { Rule, SegmentRule } from "./definition";
import { RELATIVE_OPS } from "./ops";

export type RuleAnalysis = {
  /** Events whose arrival can change membership (the incremental refresh looks only at these). */
  eventNames: string[];
  /** Profile field keys read (a trait refresh of these can change membership). */
  fields: string[];
  /** Other segments' ids the rule reads (refresh them first; no cycles). */
  dependsOn: string[];
  /** The rule has a relative window (withinDays, days, lookbackDays, a relative date op): re-evaluate as the clock moves. */
  timeRelative: boolean;
};

/** What a rule depends on, for the `segments` row's eventNames / fields / dependsOn / timeRelative. Pure. */
export function analyzeRule(rule: SegmentRule | Rule): RuleAnalysis {
  const eventNames = new Set<string>();
  const fields = new Set<string>();
  const dependsOn = new Set<string>();
  let timeRelative = false;
  const walk = (r: Rule): void => {
    switch (r.type) {
      case "group":
        r.rules.forEach(walk);
        return;
      case "property":
        fields.add(r.field);
        if (RELATIVE_OPS.includes(r.op)) timeRelative = true;
        return;
      case "event":
        eventNames.add(r.event);
        if (r.withinDays !== undefined) timeRelative = true;
        return;
      case "event_not_followed":
        eventNames.add(r.event);
        eventNames.add(r.thenEvent);
        timeRelative = true;
        return;
      case "event_time":
        eventNames.add(r.event);
        timeRelative = true;
        return;
      case "segment":
        dependsOn.add(r.segmentId);
        return;
    }
  };
  walk(rule);
  return { eventNames: [...eventNames].sort(), fields: [...fields].sort(), dependsOn: [...dependsOn].sort(), timeRelative };
}
