import { mount } from 'svelte';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-600.css';
import './app.css';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
