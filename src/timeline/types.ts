/** The availability timeline (SPEC §3.2, §5.1). Filled in by the timeline stage. */
export interface Timeline {
  period: { from: number; to: number };
}
