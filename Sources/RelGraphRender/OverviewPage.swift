import Foundation
import RelGraphCore
import RelGraphExport

/// `overview.html`: every era's diagram side by side, and a timeline that steps through them one at a time.
/// Because all eras share one layout and one frame, stepping through the timeline shows ties appear and vanish
/// while every entity stays in its place. Self-contained (the SVGs are inline, a few lines of script).
enum OverviewPage {
    static func html(eras: [Era], svgs: [String]) -> Data {
        var out = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>relgraph — eras</title>
            <style>
            body{font-family:Helvetica,Arial,sans-serif;margin:16px;color:#222}
            #timeline{display:flex;gap:6px;align-items:center;flex-wrap:wrap;margin:8px 0 16px}
            #timeline button{border:1px solid #888;background:#fff;border-radius:4px;padding:4px 10px;cursor:pointer}
            #timeline button.on{background:#3d85c6;color:#fff;border-color:#3d85c6}
            #eras{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:12px}
            #eras.single{grid-template-columns:1fr}
            #eras.single figure:not(.current){display:none}
            figure{margin:0;border:1px solid #ddd;padding:4px}
            figure svg{width:100%;height:auto}
            figcaption{font-weight:bold;padding:4px}
            </style></head><body>
            <h1>Eras side by side</h1>
            <p>Every entity keeps its place in every era. Hover over a line for its relations and evidence.</p>
            <div id="timeline"><button id="grid" class="on">side by side</button><button id="play">▶ play</button>

            """
        for (i, era) in eras.enumerated() {
            out += "<button class=\"era\" data-i=\"\(i)\">\(XMLText.escape(DiagramStyle.title(era)))</button>"
        }
        out += "</div>\n<div id=\"eras\">\n"
        for (i, (era, svg)) in zip(eras, svgs).enumerated() {
            out += "<figure data-i=\"\(i)\"><figcaption>\(XMLText.escape(DiagramStyle.title(era)))</figcaption>\n"
            out += inlineSVG(svg) + "</figure>\n"
        }
        out += """
            </div>
            <script>
            const eras=document.getElementById('eras'),figs=[...eras.querySelectorAll('figure')],
              buttons=[...document.querySelectorAll('button.era')],grid=document.getElementById('grid');
            let current=0,timer=null;
            function show(i){current=i;eras.classList.add('single');grid.classList.remove('on');
              figs.forEach((f,k)=>f.classList.toggle('current',k===i));buttons.forEach((b,k)=>b.classList.toggle('on',k===i));}
            buttons.forEach((b,k)=>b.onclick=()=>{stop();show(k);});
            grid.onclick=()=>{stop();eras.classList.remove('single');grid.classList.add('on');buttons.forEach(b=>b.classList.remove('on'));};
            function stop(){if(timer){clearInterval(timer);timer=null;document.getElementById('play').textContent='▶ play';}}
            document.getElementById('play').onclick=()=>{if(timer){stop();return;}
              show(eras.classList.contains('single')?current:0);document.getElementById('play').textContent='❚❚ pause';
              timer=setInterval(()=>show((current+1)%figs.length),1500);};
            </script>
            </body></html>

            """
        return Data(out.utf8)
    }

    /// The `<svg>` element of a Graphviz SVG document (without its XML declaration and DOCTYPE).
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        return String(svg[start.lowerBound...])
    }
}
