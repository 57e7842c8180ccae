// Progressive enhancement only: every page works without this file.

// A paragraph's reference ("A/HRC/43/L.31, pp.4") is printed on the page; this adds a button that copies it.
function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(text);
  }
  // Plain http on an intranet has no clipboard API: copy through a hidden text area instead.
  return new Promise((resolve, reject) => {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (ok) { resolve(); } else { reject(new Error('copy refused')); }
  });
}

function enhanceCopyButtons() {
  const targets = document.querySelectorAll('[data-copy]');
  if (targets.length === 0) {
    return;
  }
  const status = document.createElement('div');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  document.body.appendChild(status);

  targets.forEach((target) => {
    const text = target.getAttribute('data-copy');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn btn-outline-secondary copy-ref';
    button.textContent = 'Copy reference';
    button.setAttribute('aria-label', `Copy reference ${text}`);
    button.addEventListener('click', () => {
      copyText(text).then(() => {
        button.textContent = 'Copied';
        status.textContent = `Copied ${text}`;
        window.setTimeout(() => { button.textContent = 'Copy reference'; }, 2000);
      }, () => {
        status.textContent = 'Could not copy; select the reference and copy it by hand.';
      });
    });
    target.after(button);
  });
}

enhanceCopyButtons();
