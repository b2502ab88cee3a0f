// A scenario that cannot be used: `field` names where (e.g. "steps[2].threads"), the message says
// what was expected.
export class ScenarioError extends Error {
  constructor(readonly field: string, message: string) {
    super(field ? `${field}: ${message}` : message);
  }
}
