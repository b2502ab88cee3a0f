// The docs page (docs.html): the <khelper-playground> element pointing at this site's playground
// (docs.html sits beside index.html), and the same offline service worker as the playground.
import '../../docs/docs.css';
import { defineKhelperPlayground } from './element.ts';
import { showBanner } from '../share/banner.ts';

defineKhelperPlayground(new URL('./', location.href).href);

const idle = (f: () => void): void => void ('requestIdleCallback' in window ? requestIdleCallback(f, { timeout: 4000 }) : setTimeout(f, 1000));
idle(() => {
  import('../share/offline.ts')
    .then((m) => m.registerOffline({ offer: (apply) => showBanner('update', 'A new version of khelper is ready.', [['Reload to update', apply]]) }))
    .catch((e: unknown) => console.warn('offline use is not available', e));
});
