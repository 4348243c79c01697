import { render } from 'preact';
import { App } from './app';
import './styles.css';

import { loadFormats } from './formats';

// the formats decide names, extensions and highlighting; without them the pages still show, as plain text
loadFormats()
  .catch(() => undefined)
  .finally(() => render(<App />, document.getElementById('app')!));
