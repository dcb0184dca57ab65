import { describe, expect, it } from 'vitest';
import { chromiumCandidates, findChromium, NO_CHROMIUM_LINE } from '../browser/chromium';

/** A file-exists check over a fixed set of paths, recording what was asked. */
function disk(...present: string[]) {
  const asked: string[] = [];
  const exists = (p: string) => {
    asked.push(p);
    return present.includes(p);
  };
  return { exists, asked };
}

describe('finding a Chromium-family browser', () => {
  it('uses CHROMIUM_PATH first, before anything on the PATH or in /usr/bin', () => {
    const d = disk('/opt/my/chrome', '/usr/bin/chromium');
    expect(findChromium({ env: { CHROMIUM_PATH: '/opt/my/chrome', PATH: '/usr/bin' }, platform: 'linux', exists: d.exists })).toEqual({
      found: true,
      path: '/opt/my/chrome',
      from: 'CHROMIUM_PATH',
    });
    expect(d.asked).toEqual(['/opt/my/chrome']);
  });

  it('reports a CHROMIUM_PATH that does not exist instead of quietly using another browser', () => {
    const d = disk('/usr/bin/chromium');
    expect(findChromium({ env: { CHROMIUM_PATH: '/nonexistent', PATH: '/usr/bin' }, platform: 'linux', exists: d.exists })).toEqual({
      found: false,
      reason: 'CHROMIUM_PATH=/nonexistent does not exist',
    });
  });

  it("finds Debian's chromium in /usr/bin with an empty PATH", () => {
    const d = disk('/usr/bin/chromium');
    expect(findChromium({ env: {}, platform: 'linux', exists: d.exists })).toEqual({ found: true, path: '/usr/bin/chromium', from: 'usual place' });
  });

  it.each(['chromium-browser', 'google-chrome', 'google-chrome-stable'])('finds Ubuntu/Google %s in /usr/bin', (name) => {
    const d = disk(`/usr/bin/${name}`);
    expect(findChromium({ env: {}, platform: 'linux', exists: d.exists })).toMatchObject({ found: true, path: `/usr/bin/${name}` });
  });

  it('finds the snap in /snap/bin', () => {
    const d = disk('/snap/bin/chromium');
    expect(findChromium({ env: {}, platform: 'linux', exists: d.exists })).toMatchObject({ found: true, path: '/snap/bin/chromium' });
  });

  it('prefers a browser on the PATH over the usual places', () => {
    const d = disk('/home/me/bin/chromium', '/usr/bin/chromium');
    expect(findChromium({ env: { PATH: '/home/me/bin:/usr/local/bin' }, platform: 'linux', exists: d.exists })).toEqual({
      found: true,
      path: '/home/me/bin/chromium',
      from: 'PATH',
    });
  });

  it('finds Google Chrome, then Chromium, in /Applications on macOS', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const chromium = '/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(findChromium({ env: {}, platform: 'darwin', exists: disk(chrome, chromium).exists })).toMatchObject({ found: true, path: chrome });
    expect(findChromium({ env: {}, platform: 'darwin', exists: disk(chromium).exists })).toMatchObject({ found: true, path: chromium });
    // macOS has no /usr/bin/chromium to look at.
    expect(chromiumCandidates({}, 'darwin').map((c) => c.path)).not.toContain('/usr/bin/chromium');
  });

  it('finds Chrome or Edge in Program Files on Windows', () => {
    const env = { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' };
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findChromium({ env, platform: 'win32', exists: disk(chrome, edge).exists })).toMatchObject({ found: true, path: chrome });
    expect(findChromium({ env, platform: 'win32', exists: disk(edge).exists })).toMatchObject({ found: true, path: edge });
    expect(findChromium({ env: {}, platform: 'win32', exists: disk(edge).exists })).toMatchObject({ found: true, path: edge });
  });

  it('says nothing was found when no browser is anywhere it looks', () => {
    const d = disk();
    const r = findChromium({ env: { PATH: '/usr/local/bin:/usr/bin' }, platform: 'linux', exists: d.exists });
    expect(r.found).toBe(false);
    // It looked in every usual Linux place, for every name.
    for (const dir of ['/usr/bin', '/snap/bin']) for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
      expect(d.asked).toContain(`${dir}/${name}`);
    }
    expect(NO_CHROMIUM_LINE).toBe('browser tests skipped: no Chromium found; install chromium or set CHROMIUM_PATH');
  });
});
