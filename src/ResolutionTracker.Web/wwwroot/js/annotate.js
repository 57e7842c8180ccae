// Progressive enhancement of the working view: selecting words inside a paragraph's text fills that
// paragraph's "Annotate" form with the quote and a little text before and after it (a W3C
// TextQuoteSelector), shows what is quoted and puts the cursor in the note field. Without this file the
// visible "Quote" field does the same job by hand.

const CONTEXT = 32;

// Characters from the start of `root` to a point inside it, counted in the same text the server stores
// (the element's text content: links and marks add no characters).
function offsetWithin(root, node, offset) {
  const range = document.createRange();
  range.selectNodeContents(root);
  range.setEnd(node, offset);
  return range.toString().length;
}

function selectionIn(root) {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
    return null;
  }
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) {
    return null;
  }
  const text = root.textContent;
  let start = offsetWithin(root, range.startContainer, range.startOffset);
  let end = offsetWithin(root, range.endContainer, range.endOffset);
  // A double-click or a drag often takes a space at either end; the quote is the words.
  while (start < end && /\s/.test(text[start])) { start += 1; }
  while (end > start && /\s/.test(text[end - 1])) { end -= 1; }
  if (start === end) {
    return null;
  }
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
  };
}

function field(form, role) {
  return form.querySelector(`[data-role="${role}"]`);
}

function showPreview(form, quote) {
  const preview = field(form, 'preview');
  if (!preview) {
    return;
  }
  if (quote) {
    preview.textContent = `Quoting: \u201c${quote}\u201d`;
    preview.hidden = false;
  } else {
    preview.textContent = '';
    preview.hidden = true;
  }
}

function fill(form, quote) {
  field(form, 'exact').value = quote.exact;
  field(form, 'prefix').value = quote.prefix;
  field(form, 'suffix').value = quote.suffix;
  const visible = field(form, 'quote');
  if (visible) {
    visible.value = quote.exact;
  }
  showPreview(form, quote.exact);
  const details = form.closest('details');
  if (details) {
    details.open = true;
  }
  field(form, 'body').focus({ preventScroll: true });
  form.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}

function formFor(textElement) {
  const name = textElement.getAttribute('data-annotate');
  return document.querySelector(`form.annotate-form[data-for="${CSS.escape(name)}"]`);
}

function enhance() {
  const texts = Array.from(document.querySelectorAll('[data-annotate]'));
  if (texts.length === 0) {
    return;
  }

  let pointerDown = false;
  let timer = 0;

  const capture = () => {
    for (const text of texts) {
      const quote = selectionIn(text);
      if (quote) {
        const form = formFor(text);
        if (form) {
          fill(form, quote);
        }
        return;
      }
    }
  };

  document.addEventListener('pointerdown', () => { pointerDown = true; });
  document.addEventListener('pointerup', () => {
    pointerDown = false;
    window.clearTimeout(timer);
    timer = window.setTimeout(capture, 10);
  });
  // Keyboard selection (shift + arrows) and the handles of a touch selection end without a pointerup here.
  document.addEventListener('selectionchange', () => {
    if (pointerDown) {
      return;
    }
    window.clearTimeout(timer);
    timer = window.setTimeout(capture, 700);
  });

  document.querySelectorAll('form.annotate-form').forEach((form) => {
    const visible = field(form, 'quote');
    if (!visible) {
      return;
    }
    // Typing in the quote by hand drops the selection's context: the server then looks for the words alone.
    visible.addEventListener('input', () => {
      if (visible.value.trim() !== field(form, 'exact').value) {
        field(form, 'exact').value = '';
        field(form, 'prefix').value = '';
        field(form, 'suffix').value = '';
      }
      showPreview(form, visible.value.trim());
    });
    if (visible.value.trim()) {
      showPreview(form, visible.value.trim());
    }
  });
}

enhance();
