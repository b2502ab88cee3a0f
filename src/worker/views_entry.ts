// The views' methods of the worker API (views_api.ts), bound to the one Engine.
import type { Engine } from './engine.ts';
import { Faults } from './faults.ts';
import { ViewFeed } from './views.ts';
import type { ViewsApi } from './views_api.ts';
import { compareExample, exportTrace } from './views_ops.ts';

export function viewsApi(engine: Engine): ViewsApi {
  const feed = new ViewFeed(engine);
  const faults = new Faults();
  return {
    async viewsSubscribe(listener) { feed.subscribe(listener); },
    async viewsWantTasks(on) { feed.wantTaskTable(on); },
    async taskDetails(pid) { return feed.details(pid); },
    async setLineBreakpoints(lines) { feed.setLineBreakpoints(lines); },
    async setEventBreakpoints(events) { feed.setEventBreakpoints(events); },
    async stepLine() { feed.stepLine(); },
    async continueRun() { feed.continueRun(); },
    async setFault(f) {
      const r = faults.apply(engine.m, f);
      engine.touched();
      return r;
    },
    async exportTrace(format) { return exportTrace(engine.m, format); },
    async compare(id) { return compareExample(id); },
  };
}
