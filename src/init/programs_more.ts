// The chunk the playground's worker loads after the first prompt (worker/programs_loader.ts).
export { morePrograms } from '../userland/programs_more.ts';
