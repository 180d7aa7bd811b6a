import { mountDemoPage } from '@/utils/pages/demo-page';
import '@/components/styles.css';
import './style.css';

void mountDemoPage(document.getElementById('app')!);
